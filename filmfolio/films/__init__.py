"""Films: titles, credits, specs, texts per language, links, companies."""
