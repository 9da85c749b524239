"""A scenario whose red lines are a pigeonhole puzzle: n + 1 issues, n options each, no two issues
on the same option. It has no solution, and proving so takes a backtracking search n! steps."""

from __future__ import annotations


def pigeonhole_toml(n: int, scenario_id: str = "pigeonhole") -> str:
    holes = [f"h{k}" for k in range(n)]
    out = [f'id = "{scenario_id}"', 'title = "Pigeonhole"', 'summary = "Contradictory red lines."', "as_of = 2030-01-01",
           '[[sources]]', 'id = "s"', 'title = "A source"', "date = 2030-01-01"]
    for i in range(n + 1):
        options = ", ".join(f'{{ id = "{h}", label = "{h}" }}' for h in holes)
        out += ["[[issues]]", f'id = "p{i}"', f'title = "Pigeon {i}"', f"options = [{options}]"]
    out += ["[[parties]]", 'id = "a"', 'name = "A"', 'role = "principal"', "walk_away = 0"]
    for i in range(n + 1):
        values = ", ".join(f"{h} = 50" for h in holes)
        out += [f"[parties.preferences.p{i}]", "weight = 10", f"values = {{ {values} }}"]
    listed = ", ".join(f'"{h}"' for h in holes)
    for i in range(n + 1):
        out += ["[[parties.red_lines]]", f'id = "placed_{i}"', f'statement = "Pigeon {i} sits somewhere."',
                f'rule = {{ issue = "p{i}", require = [{listed}] }}',
                "[[parties.red_lines.citations]]", 'source = "s"', 'passage = "Said so."', 'confidence = "high"']
    for h in holes:
        pairs = ", ".join(
            f'{{ not = {{ all_of = [{{ issue = "p{i}", require = "{h}" }}, {{ issue = "p{j}", require = "{h}" }}] }} }}'
            for i in range(n + 1) for j in range(i + 1, n + 1))
        out += ["[[parties.red_lines]]", f'id = "alone_in_{h}"', f'statement = "One pigeon at most in {h}."',
                f"rule = {{ all_of = [{pairs}] }}",
                "[[parties.red_lines.citations]]", 'source = "s"', 'passage = "Said so."', 'confidence = "high"']
    return "\n".join(out) + "\n"


def tangled_toml(n: int = 14, k: int = 8) -> str:
    """A valid scenario whose every red line reads every issue: too tangled to split and list."""
    opts = [f"o{j}" for j in range(k)]
    out = ['id = "tangled"', 'title = "Tangled"', 'summary = "Many issues tied."', "as_of = 2030-01-01",
           "[[sources]]", 'id = "s"', 'title = "S"', "date = 2030-01-01"]
    for i in range(n):
        listed = ", ".join(f'{{ id = "{x}", label = "{x}" }}' for x in opts)
        out += ["[[issues]]", f'id = "i{i}"', f'title = "Issue {i}"', f"options = [{listed}]"]
    for p in ("a", "b"):
        out += ["[[parties]]", f'id = "{p}"', f'name = "{p.upper()}"', 'role = "principal"', "walk_away = 10"]
        for i in range(n):
            values = ", ".join(f"{x} = {(j * 13 + i * 7 + (p == 'b') * 50) % 101}" for j, x in enumerate(opts))
            out += [f"[parties.preferences.i{i}]", "weight = 10", f"values = {{ {values} }}"]
        tied = ", ".join(f'{{ issue = "i{i}", at_least = "o{(i % 3) + (p == "b")}" }}' for i in range(n))
        out += ["[[parties.red_lines]]", f'id = "tied_{p}"', 'statement = "Ties everything."',
                f"rule = {{ any_of = [{tied}] }}",
                "[[parties.red_lines.citations]]", 'source = "s"', 'passage = "Said."', 'confidence = "high"']
    return "\n".join(out) + "\n"
