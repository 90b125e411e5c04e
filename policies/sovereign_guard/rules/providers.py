"""Provider jurisdiction: the Google provider's defaults and universe, the OVH provider's API endpoint, the Scaleway
provider's defaults and endpoints."""
from __future__ import annotations

import json
import re

from ..catalog import countries, ovh_locations, scaleway_locations
from . import defaults
from .jurisdiction import Jurisdiction
from .outcome import FAIL, PASS, UNKNOWN, Finding, Subject, quote
from .props import MISSING, Malformed, is_unknown, kind, walk
from .residency import judge
from ..catalog.model import LocationField

GCP, OVH, SCALEWAY = "pulumi:providers:gcp", "pulumi:providers:ovh", "pulumi:providers:scaleway"
PROVIDER_TYPES = (GCP, OVH, SCALEWAY)


def applies(token: str) -> bool:
    return token in PROVIDER_TYPES


def evaluate(subject: Subject, jurisdiction: Jurisdiction) -> list:
    """Findings for a provider resource (its own props are in subject.props)."""
    if subject.token == GCP:
        return _google(subject, jurisdiction)
    if subject.token == OVH:
        return [_ovh(subject, jurisdiction)]
    if subject.token == SCALEWAY:
        return _scaleway(subject, jurisdiction)
    return []


def _google(subject: Subject, jurisdiction: Jurisdiction) -> list:
    props = subject.props
    universe = defaults.universe(props)
    findings = []
    if jurisdiction.s3ns_only and universe != "s3ns":
        domain = props.get("universeDomain")
        shown = "unset (googleapis.com)" if domain in (None, "") else quote(domain) if isinstance(domain, str) \
            else kind(domain)
        findings.append(Finding(
            UNKNOWN if is_unknown(domain) else FAIL, "universeDomain",
            f"{subject.title}: universeDomain is {shown}; {jurisdiction.description} admits Google Cloud only "
            f"through S3NS: set universeDomain to '{defaults.S3NS_DOMAIN}' (stack config gcp:universeDomain)."))
    for field, value in provider_defaults(GCP, props):
        findings.append(judge(subject, field, field.path, value, jurisdiction, universe, origin=""))
    return findings


# provider -> the namespace of its default region and zone
DEFAULT_NAMESPACES = {GCP: {"region": "gcp:region", "zone": "gcp:zone"},
                      SCALEWAY: {"region": "scw:location", "zone": "scw:location"}}


def provider_defaults(token: str, props: dict) -> list:
    """(LocationField, value) of a Google or Scaleway provider's default region and zone, when set."""
    return [(LocationField(key, namespace, role=f"default {key}"), props[key])
            for key, namespace in DEFAULT_NAMESPACES[token].items()
            if props.get(key) is not None and props.get(key) != ""]


def endpoint_entity(endpoint: str):
    """(name, legal entity, country) for an endpoint name or API URL, or None when unknown."""
    key = endpoint.strip().lower()
    key = ovh_locations.LEGACY_ENDPOINT_URLS.get(key.rstrip("/"), key)
    for name, (entity, country, url, _source) in ovh_locations.ENDPOINTS.items():
        if key == name or key.rstrip("/") == url.lower().rstrip("/"):
            return name, entity, country
    return None


def _ovh(subject: Subject, jurisdiction: Jurisdiction) -> Finding:
    endpoint = subject.props.get("endpoint")
    if is_unknown(endpoint):
        return Finding(UNKNOWN, "endpoint", f"{subject.title}: endpoint can't be known until the resources it "
                       "depends on exist; it is checked again at update.", depends="endpoint")
    if not isinstance(endpoint, str) or not endpoint.strip():
        return Finding(FAIL, "endpoint", f"{subject.title}: endpoint is not set, so the API (and the legal entity "
                       "holding the contract) is left to the OVH_ENDPOINT environment variable or ovh.conf, which "
                       "this check cannot see; set it explicitly: `pulumi config set ovh:endpoint ovh-eu`.")
    found = endpoint_entity(endpoint)
    if found is None:
        return Finding(FAIL, "endpoint", f"{subject.title}: endpoint = {quote(endpoint)} is not an OVHcloud API the "
                       "catalog knows, so its legal entity cannot be established; use 'ovh-eu'.")
    name, entity, country = found
    if country in jurisdiction.countries:
        return Finding(PASS, "endpoint", f"endpoint = {quote(endpoint)} ({entity}, {countries.name(country)})")
    return Finding(FAIL, "endpoint", f"{subject.title}: endpoint = {quote(endpoint)} contracts with {entity} "
                   f"({countries.name(country)}), outside {jurisdiction.description}, whatever region the "
                   "resources run in; use 'ovh-eu' (OVH SAS, France).")


S3_ENDPOINT = re.compile(r"^https://s3\.(?P<region>[a-z]{2}-[a-z]{3})\.scw\.cloud/?$")


def _scaleway(subject: Subject, jurisdiction: Jurisdiction) -> list:
    """Default region and zone set explicitly and inside; API and S3 endpoints Scaleway's own."""
    props = subject.props
    given = {field.path: (field, value) for field, value in provider_defaults(SCALEWAY, props)}
    findings = []
    for key, default in (("region", scaleway_locations.PROVIDER_DEFAULT_REGION),
                         ("zone", scaleway_locations.PROVIDER_DEFAULT_ZONE)):
        if key in given:
            field, value = given[key]
            findings.append(judge(subject, field, key, value, jurisdiction, "", origin=""))
            continue
        env = " or ".join(scaleway_locations.PROVIDER_ENV[key])
        findings.append(Finding(FAIL, key, f"{subject.title}: {key} is not set, so resources without a {key} go "
                                f"where {env} (or the scw CLI profile) on the machine running Pulumi says, which "
                                f"this check cannot see, else to {default}; set it explicitly: "
                                f"`pulumi config set scaleway:{key} {default}`."))
    api = props.get("apiUrl")
    if is_unknown(api):
        findings.append(Finding(UNKNOWN, "apiUrl", f"{subject.title}: apiUrl can't be known yet; it is checked "
                                "again at update.", depends="apiUrl"))
    elif api not in (None, "") and (not isinstance(api, str) or api.rstrip("/") != scaleway_locations.API_URL):
        shown = f"= {quote(api)}" if isinstance(api, str) else f"is {kind(api)}, which"
        findings.append(Finding(FAIL, "apiUrl", f"{subject.title}: apiUrl {shown} sends every API call (and the data "
                                f"in it) to another host than Scaleway's API ({scaleway_locations.API_URL}); remove "
                                "it."))
    findings += [_s3_endpoint(subject, path, value, jurisdiction) for path, value in _s3_endpoints(props)]
    return findings


def _s3_endpoints(props: dict) -> list:
    """(path, value) of each `endpoints[].s3` (the engine may send the list as a JSON string)."""
    endpoints = props.get("endpoints")
    if isinstance(endpoints, str) and not is_unknown(endpoints):
        try:
            endpoints = json.loads(endpoints)
        except ValueError:
            return [("endpoints", endpoints)]
    return [(path, value) for path, value in walk({"endpoints": endpoints}, "endpoints[].s3")
            if value is not MISSING and value is not None and value != ""]


def _s3_endpoint(subject: Subject, path: str, value, jurisdiction: Jurisdiction) -> Finding:
    if is_unknown(value):
        return Finding(UNKNOWN, path, f"{subject.title}: {path} can't be known yet; it is checked again at update.",
                       depends="endpoints")
    match = S3_ENDPOINT.match(value.strip().lower()) if isinstance(value, str) else None
    if match:
        field = LocationField(path, "scw:location", role="Object Storage endpoint region")
        return judge(subject, field, path, match["region"], jurisdiction, "", origin="")
    shown = quote(value) if isinstance(value, str) else repr(value) if isinstance(value, Malformed) else kind(value)
    return Finding(FAIL, path, f"{subject.title}: {path} = {shown} sends every Object Storage call (object data "
                   f"included) to that host instead of Scaleway's ({scaleway_locations.S3_ENDPOINT}); remove it.")
