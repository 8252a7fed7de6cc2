"""gemilang-tui: a keyboard-only kiosk client of the public services of Kabupaten Tangerang."""
