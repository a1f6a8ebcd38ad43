"""Prompt templates are files in `prompts/`, shipped as package data and rendered strictly."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import jinja2


@cache
def _template(name: str) -> jinja2.Template:
    source = resources.files("rag.prompts").joinpath(f"{name}.j2").read_text(encoding="utf-8")
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(source)


def render(name: str, **values: Any) -> str:
    """Render prompts/<name>.j2; a missing variable is an error, not an empty string."""
    return _template(name).render(**values).strip()
