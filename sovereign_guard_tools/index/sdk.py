"""Reading a Pulumi provider's Python SDK: every resource type token, and every input path with engine names.

Resource classes are found through the table each SDK registers with the Pulumi runtime (its top-level
`__init__.py` passes `_utilities.register(resource_modules=...)` a JSON list of {fqn, classes: {token: class}}), so
deprecated twins registered under old tokens are found too; a class that names a registered token as its alias
(`pulumi.Alias(type_=...)`) is the current form of that twin. Input paths come from the input type the class's own
module declares (`<Class>InitArgs` when the SDK renamed it to avoid a clash, else `<Class>Args`) and its nested
input types, through the SDK's own name table (`pulumi._types.input_type_types`: engine camelCase names and resolved
Python types). A path is dotted, `[]` marks each element of a list.
"""
from __future__ import annotations

import collections.abc
import importlib
import inspect
import json
import re
import sys
import typing
import warnings
from dataclasses import dataclass
from importlib import metadata

import pulumi
from pulumi import _types as pulumi_types
from pulumi._types import input_type_types, is_input_type, is_output_type, output_type_types

MAX_DEPTH = 10  # input types nest a few levels; recursive types (e.g. JSON-schema-like rules) are cut here
REGISTRATION = re.compile(r'resource_modules="""(.*?)"""', re.S)
ALIAS = re.compile(r'pulumi\.Alias\(type_="([^"]+)"\)')


@dataclass(frozen=True)
class Field:
    """One input path of a resource type: its leaf kind, and whether its object (or the resource) requires it."""

    path: str
    kind: str  # str | bool | number | object | map | any ("[]" in the path: each element of a list)
    required: bool


@dataclass(frozen=True)
class ResourceType:
    token: str
    python_class: str  # module.Class, for people reading the index
    fields: tuple  # Field, ...
    resource_class: type = None  # the SDK's class (its output properties are read from it)
    aliases: tuple = ()  # the older type tokens the class declares as its aliases


def package_version(distribution: str) -> str:
    return metadata.version(distribution)


def resource_types(module_name: str):
    """Every ResourceType the SDK registers, in token order."""
    with warnings.catch_warnings():  # deprecated modules warn when loaded; reading them is no use of them
        warnings.simplefilter("ignore", DeprecationWarning)
        return _resource_types(importlib.import_module(module_name))


def _resource_types(package):
    with open(package.__file__, encoding="utf-8") as source:
        table = json.loads(REGISTRATION.search(source.read()).group(1))
    found = []
    for entry in table:
        module = importlib.import_module(entry["fqn"])
        classes = {token: getattr(module, name) for token, name in entry["classes"].items()}  # loads lazy modules
        for token, class_name in entry["classes"].items():
            defined = sys.modules[classes[token].__module__]
            args = _args_class(defined, class_name)
            fields = tuple(_fields(args)) if args is not None else ()
            found.append(ResourceType(token, f"{entry['fqn']}.{class_name}", fields, resource_class=classes[token],
                                      aliases=_aliases(defined)))
    return sorted(found, key=lambda r: r.token)


def _args_class(defined, class_name: str):
    """The input type of a resource class, from the module that defines it: the package namespace may hold an
    unrelated input type of the same name (pulumiverse-scaleway's `SecretVersionArgs` is a block of another type;
    the resource's own is `SecretVersionInitArgs`)."""
    for name in (class_name + "InitArgs", class_name + "Args"):
        found = getattr(defined, name, None)
        if found is not None and is_input_type(found):
            return found
    return None


def _aliases(defined) -> tuple:
    with open(defined.__file__, encoding="utf-8") as source:
        return tuple(ALIAS.findall(source.read()))


def _required(input_class) -> frozenset:
    """Engine names of the properties an input type's constructor requires (no default value)."""
    from pulumi._types import input_type_py_to_pulumi_names

    names = input_type_py_to_pulumi_names(input_class)
    parameters = inspect.signature(input_class.__init__).parameters
    return frozenset(names[p] for p, spec in parameters.items()
                     if p in names and spec.default is inspect.Parameter.empty)


def _fields(input_class, prefix: str = "", seen: tuple = ()):
    if input_class in seen or len(seen) >= MAX_DEPTH:
        return
    required = _required(input_class)
    for name, annotation in input_type_types(input_class).items():
        path = f"{prefix}.{name}" if prefix else name
        yield from _typed(annotation, path, name in required, seen + (input_class,))


def _typed(annotation, path: str, required: bool, seen: tuple):
    kind, inner = _unwrap(annotation)
    if kind == "list":
        element_kind, element = _unwrap(inner)
        path += "[]"
        kind, inner = (element_kind, element) if element_kind != "list" else ("any", None)
    yield Field(path, kind, required)
    if kind == "object":
        yield from _fields(inner, path, seen)


def _unwrap(annotation):
    """(kind, inner type) of an input annotation: Input[T] is Union[T, Awaitable[T], Output[T]]."""
    origin = typing.get_origin(annotation)
    if origin is typing.Union:
        options = [a for a in typing.get_args(annotation)
                   if a is not type(None) and typing.get_origin(a) not in (collections.abc.Awaitable, pulumi.Output)
                   and a is not pulumi.Output]
        return _unwrap(options[0]) if options else ("any", None)
    if origin in (list, collections.abc.Sequence):
        return "list", typing.get_args(annotation)[0]
    if origin in (dict, collections.abc.Mapping):
        return "map", None
    if annotation is str:
        return "str", None
    if annotation is bool:
        return "bool", None
    if annotation in (int, float):
        return "number", None
    if isinstance(annotation, type) and is_input_type(annotation):
        return "object", annotation
    return "any", None


def output_shape(resource_class) -> dict:
    """{engine name: shape} of a resource class's output properties (its `@pulumi.getter` properties): a shape is
    a kind (str | bool | number | map | any), a nested {name: shape} for an output type, or [shape] for a list."""
    if resource_class is None:
        return {}
    return {name: _output(hint, ()) for name, hint in sorted(pulumi_types.resource_types(resource_class).items())
            if name not in ("id", "urn")}


def _output(annotation, seen: tuple):
    annotation = _optional(annotation)
    origin = typing.get_origin(annotation)
    if origin in (list, collections.abc.Sequence):
        return [_output(typing.get_args(annotation)[0], seen)]
    if origin in (dict, collections.abc.Mapping):
        return "map"
    if isinstance(annotation, type) and is_output_type(annotation):
        if annotation in seen or len(seen) >= MAX_DEPTH:
            return "any"
        return {name: _output(hint, seen + (annotation,))
                for name, hint in sorted(output_type_types(annotation).items())}
    return {str: "str", bool: "bool", int: "number", float: "number"}.get(annotation, "any")


def _optional(annotation):
    """Optional[T] -> T (output types declare no Input or Output wrappers below the resource's own properties)."""
    if typing.get_origin(annotation) is typing.Union:
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return options[0] if len(options) == 1 else annotation
    return annotation
