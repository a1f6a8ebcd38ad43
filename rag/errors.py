"""One error family. Every message says what to do next; the CLI prints it without a traceback."""


class RagError(Exception):
    """Base for every user-facing error."""


class ConfigError(RagError):
    """A bad option: unknown backend spec, bad URL, bad value."""


class InputError(RagError):
    """Bad user input: empty question, missing folder, unreadable file."""


class StoreError(RagError):
    """The store is missing, empty, unreachable or was built by another embedder."""


class BackendError(RagError):
    """An LLM or embedder backend failed: server down, model missing, bad output."""
