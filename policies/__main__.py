"""Entry point the Pulumi CLI runs (`python -m pulumi.policy <engine> <this dir>`)."""
from sovereign_guard.pack import build

build()
