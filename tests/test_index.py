"""The SDK index is complete and current: regenerated from the pinned SDKs it matches the committed files, every
indexed path is judged (hand-written entry or reviewed generic rule) or set aside with a reason, and every path
the hand-written catalog names is a real input of its type."""
import re
from fnmatch import fnmatchcase

from sovereign_guard import catalog
from sovereign_guard.catalog import generic, ignored, index
from sovereign_guard.rules.props import parse_path
from sovereign_guard_tools.index import generate, sdk


def test_committed_index_is_what_the_pinned_sdks_give(sdk_types):
    for cloud, types in sdk_types.items():
        fresh = {"package": generate.CLOUDS[cloud][1], "version": sdk.package_version(generate.CLOUDS[cloud][1]),
                 "generatedBy": "python -m sovereign_guard_tools.index",
                 "types": generate.entries(list(types.values()))}
        assert generate.path_of(cloud).read_text(encoding="utf-8") == generate.render(fresh), (
            f"{generate.path_of(cloud)} is stale: run python -m sovereign_guard_tools.index")


def _indexed():
    """(token, category, IndexPath) for every path of every indexed type."""
    for cloud in index.CLOUDS:
        for token in index.tokens(cloud):
            entry = index.entry(token)
            for category in ("locations", "keys", "rawKeys", "orders"):
                for indexed in getattr(entry, {"rawKeys": "raw_keys"}.get(category, category)):
                    yield token, category, indexed


def classification(token: str, category: str, path: str) -> str:
    """How the pack treats an indexed path: 'catalog', 'generic', 'ignored', 'location-free', or 'UNDECIDED'."""
    token = index.current(token)  # a deprecated twin is judged as its current type
    if catalog.is_location_free(token) and token not in catalog.WRITTEN:
        return "location-free"
    if ignored.reason(token, path):
        return "ignored"
    written = catalog.WRITTEN.get(token)
    if written is not None and path in catalog.written_paths(written):
        return "catalog"
    if category == "rawKeys":
        return "generic"
    if category == "orders":
        return "UNDECIDED"  # an order plan's location label is known only to a hand-written entry
    leaf = generic.leaf(path)
    reviewed = generic.PLACE_ROLES if category == "locations" else generic.KEY_WHATS
    return "generic" if leaf in reviewed else "UNDECIDED"


def test_every_indexed_path_is_judged_or_set_aside_with_a_reason():
    undecided = sorted(f"{token} {category} {p.path}" for token, category, p in _indexed()
                       if classification(token, category, p.path) == "UNDECIDED")
    assert undecided == [], ("add these paths to a hand-written entry, to generic.PLACE_ROLES / KEY_WHATS, or to "
                             "catalog/ignored.py with a reason:\n" + "\n".join(undecided))


def test_every_ignore_rule_and_no_data_pattern_still_matches_something():
    paths = [(token, p.path) for token, _, p in _indexed()]
    stale = [rule for rule in ignored.RULES if not any(ignored.matches(rule, t, p) for t, p in paths)]
    assert stale == []
    generic_types = [t for cloud in index.CLOUDS for t in index.tokens(cloud) if t not in catalog.WRITTEN]
    unused = [pattern for pattern, _, _ in catalog.NO_DATA_AT_REST + catalog.NO_CUSTOMER_KEY
              if not any(fnmatchcase(t, pattern) for t in generic_types)]
    assert unused == []
    assert all(reason and source.startswith(("https://", "pulumi-")) for _, reason, source in
               catalog.NO_DATA_AT_REST + catalog.NO_CUSTOMER_KEY)
    assert all(rule.reason and rule.source for rule in ignored.RULES)


def _input_paths(resource_type) -> set:
    """Every input path, lists also without their `[]` (a catalog's `unless` names the list itself)."""
    return {f.path for f in resource_type.fields} | {f.path.removesuffix("[]") for f in resource_type.fields}


def _exists(path: str, known: set, maps: set) -> bool:
    """Whether a catalog path is an input: itself, or a key of a map input (`annotations['x']`)."""
    parts = parse_path(path)
    for i in range(len(parts), 0, -1):
        prefix = re.sub(r"\.\[\]", "[]", ".".join(parts[:i]))
        if prefix in known:
            return i == len(parts) or prefix in maps
    return False


def test_every_hand_written_path_is_an_input_of_its_type(sdk_types):
    wrong = []
    for token, spec in catalog.WRITTEN.items():
        found = sdk_types.get(token.split(":", 1)[0], {}).get(token)
        assert found is not None, f"{token} is not a type of the pinned SDK"
        known = _input_paths(found)
        maps = {f.path for f in found.fields if f.kind == "map"}
        paths = [f.path for f in spec.locations if f.path or not f.derived]  # "": a derived field on the resource
        paths += [f.unless for f in spec.locations if f.unless]
        paths += list(spec.raw_key_paths)
        for field in spec.keys:
            prefix = field.each + "[]." if field.each else ""
            paths += [prefix + p for p in field.paths] + [prefix + p for p, _ in field.enabled]
            paths += [prefix + field.when] if field.when else []
        wrong += [f"{token} {p}" for p in paths if not _exists(p, known, maps)]
    assert wrong == []


def test_every_deprecated_twin_has_the_inputs_of_its_current_type(sdk_types):
    """A twin is judged as its current type: that holds only while their inputs are the same."""
    twins = [(token, index.current(token)) for cloud in index.CLOUDS for token in index.tokens(cloud)
             if index.current(token) != token]
    assert len([t for t, _ in twins if t.startswith("scaleway:index/")]) == 114
    differ = []
    for twin, current in twins:
        cloud = twin.split(":", 1)[0]
        if _input_paths(sdk_types[cloud][twin]) != _input_paths(sdk_types[cloud][current]):
            differ.append(f"{twin} -> {current}")
    assert differ == []


def test_every_scaleway_type_is_decided():
    """Each Scaleway type is location-free, holds no data, or holds data with a decided key verdict (no 'unknown')."""
    undecided = [token for token in index.tokens("scaleway") if not catalog.is_location_free(token)
                 and catalog.spec(token).cmek not in ("supported", "unsupported", "not-data", "correlated")]
    assert undecided == []
    assert {index.current(t) for t in index.tokens("scaleway")} >= {catalog.scaleway_resources.KEY_MANAGER_KEY}
    assert [index.current(t) for t in catalog.scaleway_resources.KEY_MANAGER_KEYS] == \
        [catalog.scaleway_resources.KEY_MANAGER_KEY] * 2
