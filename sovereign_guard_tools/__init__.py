"""Engine-side tooling: plays the Pulumi CLI's part (runs programs under mocks, drives the pack over gRPC)."""
