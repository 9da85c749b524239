"""The text pictures of the analysis screen."""

from sim.present import plot


def test_points_land_where_their_utilities_say() -> None:
    grid = plot.scatter([(0, 0), (100, 100)], [], None, None, 10, 5)
    assert grid[-1][0].kind == "dot" and grid[0][-1].kind == "dot"  # bottom-left and top-right
    assert sum(cell.kind == "dot" for row in grid for cell in row) == 2


def test_walk_away_lines_cross_and_shade_the_zone_both_accept() -> None:
    grid = plot.scatter([], [plot.Mark("N", 80, 80, "Nash")], 50, 50, 11, 5)
    assert grid[2][5].char == "┼"
    assert grid[0][10].kind == "zone" or grid[0][10].kind == "mark"
    assert grid[4][0].kind == "blank"  # below both walk-away levels: nobody's zone
    letters = [cell.char for row in grid for cell in row if cell.kind == "mark"]
    assert letters == ["N"]


def test_bars_grow_with_the_value_and_are_empty_at_zero() -> None:
    assert plot.bar(0, 100, 20) == ""
    assert len(plot.bar(100, 100, 20)) == 20
    assert len(plot.bar(10, 100, 20)) < len(plot.bar(50, 100, 20))
