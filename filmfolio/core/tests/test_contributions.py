"""The registry of contributions keeps one item per key, in declared order."""

from dataclasses import dataclass

from filmfolio.core.contributions import Registry


@dataclass(frozen=True)
class Part:
    key: str
    order: int


def test_items_are_listed_by_order_then_key_and_a_key_is_replaced():
    registry: Registry[Part] = Registry("no_such_module")
    registry.register(Part("b", 20))
    registry.register(Part("a", 20))
    registry.register(Part("c", 10))
    registry.register(Part("b", 5))

    assert [(p.key, p.order) for p in registry] == [("b", 5), ("c", 10), ("a", 20)]
    assert len(registry) == 3
    assert registry.get("a") == Part("a", 20)
    assert registry.get("zzz") is None


def test_autodiscover_of_a_module_no_app_has_adds_nothing():
    registry: Registry[Part] = Registry("no_such_module")
    registry.autodiscover()
    assert len(registry) == 0
