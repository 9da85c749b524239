"""Keys the player remapped: ``keys.toml`` in the Red Lines folder maps binding ids to keys.

    "table.wait" = "w"
    "draft.leave_open" = "x,delete"

A bad file never stops the app: the problems are returned for the app to show, and the default
keys stay.
"""

from __future__ import annotations

from pathlib import Path

from sim.loading.problems import ScenarioError

KEYMAP_FILE = "keys.toml"


def load_keymap(folder: Path) -> tuple[dict[str, str], list[str]]:
    """The remapped keys, and a list of problems (each says where, what, and how to fix it)."""
    path = folder / KEYMAP_FILE
    if not (path.exists() or path.is_symlink()):  # a folder, pipe or dangling link named keys.toml is reported
        return {}, []
    from sim.loading.toml_file import read_toml  # deferred: most players have no keys.toml, and TOML costs start-up

    try:  # the loader's reader: regular files only, bounded size and nesting, no control characters
        data = read_toml(path).data
    except ScenarioError as error:
        return {}, [f"{problem}; write lines like \"table.wait\" = \"w\"." for problem in error.problems]
    keymap, problems = {}, []
    for binding_id, keys in data.items():
        if isinstance(keys, str) and keys.strip():
            keymap[binding_id] = keys.strip()
        else:
            problems.append(f'{path}: `{binding_id}` must be a key name in quotes, like "w" or "ctrl+w".')
    return keymap, problems
