"""Every service is an explicit, typed attribute of `Services` (issue 13): a reader and a
type checker can follow `services.goals.add_kpi(...)` to its definition; nothing is
looked up by name at run time."""

from __future__ import annotations

import importlib
import typing
from functools import cached_property

from alignmeet.services import Services
from alignmeet.services.toolkit import TOOLKIT


def test_each_toolkit_area_is_a_typed_property_of_its_service() -> None:
    assert "__getattr__" not in vars(Services)
    hints = {name: getattr(Services, name) for name in TOOLKIT}
    for name, (module, class_name) in TOOLKIT.items():
        prop = hints[name]
        assert isinstance(prop, cached_property), name
        returned = typing.get_type_hints(
            prop.func, globalns={**vars(importlib.import_module(module))}
        )["return"]
        assert returned is getattr(importlib.import_module(module), class_name), name


def test_the_toolkit_services_are_built_on_first_use_and_kept(services: Services) -> None:
    for name, (module, class_name) in TOOLKIT.items():
        assert name not in vars(services)  # not built at start-up
        service = getattr(services, name)
        assert type(service) is getattr(importlib.import_module(module), class_name)
        assert getattr(services, name) is service


def test_an_unknown_service_is_an_attribute_error(services: Services) -> None:
    try:
        services.no_such_area  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError:
        return
    raise AssertionError("an unknown name must not resolve")
