"""Provider jurisdiction: the Google provider's defaults and universe, the OVH provider's API endpoint."""
from __future__ import annotations

from ..catalog import countries, ovh_locations
from . import defaults
from .jurisdiction import Jurisdiction
from .outcome import FAIL, PASS, UNKNOWN, Finding, Subject, quote
from .props import is_unknown, kind
from .residency import judge
from ..catalog.model import LocationField

GCP, OVH = "pulumi:providers:gcp", "pulumi:providers:ovh"
PROVIDER_TYPES = (GCP, OVH)


def applies(token: str) -> bool:
    return token in PROVIDER_TYPES


def evaluate(subject: Subject, jurisdiction: Jurisdiction) -> list:
    """Findings for a provider resource (its own props are in subject.props)."""
    if subject.token == GCP:
        return _google(subject, jurisdiction)
    if subject.token == OVH:
        return [_ovh(subject, jurisdiction)]
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
    for field, value in google_defaults(props):
        findings.append(judge(subject, field, field.path, value, jurisdiction, universe, origin=""))
    return findings


def google_defaults(props: dict) -> list:
    """(LocationField, value) of the Google provider's default region and zone, when set."""
    return [(LocationField(key, namespace, role=f"default {key}"), props[key])
            for key, namespace in (("region", "gcp:region"), ("zone", "gcp:zone"))
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
