"""Keys the player remapped: ``keys.toml`` in the Red Lines folder maps binding ids to keys.

    "table.wait" = "w"
    "draft.leave_open" = "x,delete"

A bad file never stops the app: the problems are returned for the app to show, and the default
keys stay.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

KEYMAP_FILE = "keys.toml"


def load_keymap(folder: Path) -> tuple[dict[str, str], list[str]]:
    """The remapped keys, and a list of problems (each says where, what, and how to fix it)."""
    path = folder / KEYMAP_FILE
    if not path.is_file():
        return {}, []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        return {}, [f"{path}: cannot be read ({error}); fix its permissions or delete it."]
    except tomllib.TOMLDecodeError as error:
        return {}, [f"{path}: not valid TOML ({error}); write lines like \"table.wait\" = \"w\"."]
    keymap, problems = {}, []
    for binding_id, keys in data.items():
        if isinstance(keys, str) and keys.strip():
            keymap[binding_id] = keys.strip()
        else:
            problems.append(f'{path}: `{binding_id}` must be a key name in quotes, like "w" or "ctrl+w".')
    return keymap, problems
