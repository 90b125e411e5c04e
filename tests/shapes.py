"""Engine-shaped resources for every catalogued type: values placed at each path the rules read."""
from sovereign_guard.catalog import WRITTEN as SPECS
from sovereign_guard.rules.props import EACH, parse_path
from sovereign_guard_tools.engine.analyzer import Resource
from sovereign_guard_tools.engine.wire import Secret

STACK = "urn:pulumi:dev::p::"
PROVIDER_PROPS = {"gcp": {"project": "acme", "region": "europe-west9", "zone": "europe-west9-a"},
                  "ovh": {"endpoint": "ovh-eu"}, "scaleway": {"region": "fr-par", "zone": "fr-par-1"}}
ASSET_SIG_KEY, ASSET_SIG = "4dabf18193072939515e22adb298388d", "c44067f5952c0a294b673a41bacd8c17"
GENERIC = ("location", "region", "zone", "locationId", "regionName", "availabilityZone", "id", "project", "keyRing",
           "okmsId", "purpose", "rotationPeriod", "versionTemplate.protectionLevel", "endpoint", "universeDomain",
           "usage", "unprotected", "rotationPolicy.rotationPeriod", "apiUrl", "endpoints[].s3", "bucket", "name")


def paths_of(token: str) -> tuple:
    """Every path the rules read on a type: its catalogued locations and keys, and the generic ones."""
    spec = SPECS.get(token)
    if spec is None:
        return GENERIC
    paths = [f.path for f in spec.locations if f.path] + [f.unless for f in spec.locations if f.unless]
    for field in spec.keys:
        prefix = field.each + "[]." if field.each else ""
        paths += [prefix + p for p in field.paths] + [prefix + p for p, _ in field.enabled]
        paths += [field.when] if field.when else []
    return tuple(dict.fromkeys(paths + list(spec.raw_key_paths) + list(GENERIC)))


def key_paths(token: str) -> tuple:
    """The paths where a type names its customer-managed keys."""
    spec = SPECS.get(token)
    return tuple((f.each + "[]." if f.each else "") + p for f in (spec.keys if spec else ()) for p in f.paths)


def nest(parts, value):
    """`value` reached through parts (a name: an object; []: a list of one element)."""
    if not parts:
        return value
    return [nest(parts[1:], value)] if parts[0] == EACH else {parts[0]: nest(parts[1:], value)}


def merge(into, key, value) -> None:
    """into[key] = value, merging objects deeply and lists element by element (otherwise the last value wins)."""
    if isinstance(into.get(key) if isinstance(into, dict) else None, dict) and isinstance(value, dict):
        for k, v in value.items():
            merge(into[key], k, v)
    elif isinstance(into, dict) and isinstance(into.get(key), list) and isinstance(value, list):
        for i, v in enumerate(value):
            if i < len(into[key]) and isinstance(into[key][i], dict) and isinstance(v, dict):
                for k, element_value in v.items():
                    merge(into[key][i], k, element_value)
            elif i < len(into[key]):
                into[key][i] = v
            else:
                into[key].append(v)
    else:
        into[key] = value


def place(props: dict, path: str, value) -> dict:
    parts = parse_path(path)
    merge(props, parts[0], nest(parts[1:], value))
    return props


def with_blocks(node, blocks: dict):
    """`node` where every object (through lists and secrets) also holds `blocks` ({key: block})."""
    if isinstance(node, Secret):
        return Secret(with_blocks(node.value, blocks))
    if isinstance(node, list):
        return [with_blocks(v, blocks) for v in node]
    if isinstance(node, dict) and ASSET_SIG_KEY not in node:
        return {**blocks, **{k: with_blocks(v, blocks) for k, v in node.items()}}
    return node


def provider(cloud: str, props=None, name="p") -> Resource:
    token = f"pulumi:providers:{cloud}"
    return Resource(token, name, f"{STACK}{token}::{name}", PROVIDER_PROPS[cloud] if props is None else props)


def cloud_of(token: str) -> str:
    """The cloud whose provider a type gets (gcp for other packages)."""
    cloud = token.split(":", 1)[0]
    return cloud if cloud in PROVIDER_PROPS else "gcp"


def resource(token: str, props: dict, name="r", **kwargs) -> Resource:
    """A resource with the default provider of its cloud (a gcp one for other packages)."""
    cloud = cloud_of(token)
    return Resource(token, name, f"{STACK}{token}::{name}", props, provider(cloud), **kwargs)


def catalogue_stack(leaves, blocks=None, step=1, key=None) -> list:
    """Every `step`-th catalogued type, the i-th with leaves[i % len(leaves)] at every path the rules read (`key`,
    when given, at its key paths) and `blocks` in every object; every cloud's provider built the same way."""
    def props(token, leaf):
        built = {}
        for path in paths_of(token):
            place(built, path, key if key is not None and path in key_paths(token) else leaf)
        return with_blocks(built, blocks or {})
    providers = {cloud: provider(cloud, props(f"pulumi:providers:{cloud}", leaves[0])) for cloud in PROVIDER_PROPS}
    return list(providers.values()) + [Resource(token, "r", f"{STACK}{token}::r", props(token, leaves[i % len(leaves)]),
                                                providers[cloud_of(token)])
                                       for i, token in enumerate(sorted(SPECS)[::step])]
