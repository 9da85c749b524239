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


def test_bars_are_lower_half_blocks_so_adjacent_rows_stay_apart() -> None:
    # Full-height blocks run together into one shape in a browser's terminal (xterm.js draws them edge to edge).
    for value in (1, 3, 37, 50, 99, 100):
        drawn = plot.bar(value, 100, 20, False)
        assert drawn and set(drawn) <= {plot.BAR_CELL, plot.BAR_HALF}
        assert plot.BAR_HALF not in drawn[:-1], "only the last cell may be half"
    assert plot.bar(25, 100, 10, False) == plot.BAR_CELL * 2 + plot.BAR_HALF  # 2.5 cells
    assert plot.bar(1, 1_000_000, 10) != "", "a value above zero always shows"
