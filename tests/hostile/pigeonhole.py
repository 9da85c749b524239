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
