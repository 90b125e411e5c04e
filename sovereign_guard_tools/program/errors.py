"""The error every room of the program checker raises for what the user must fix (exit code 2)."""


class ProjectError(ValueError):
    """The project, its stack config or its environment cannot be used as it is; the message says what to do."""
