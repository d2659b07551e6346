"""The festival run of a film: where its filmmakers submit it, what each festival decided, the
deadlines, reminders, screener links and premiere conditions that come with it."""
