"""One architecture per stack (see Pulumi.yaml): the stack's name picks the module of architectures/ that builds it."""
import importlib

import pulumi

importlib.import_module(f"architectures.{pulumi.get_stack().replace('-', '_')}")
