"""Where the receipt printer is: `usb:VID:PID`, `network:HOST[:PORT]`, `serial:DEV`, `file:PATH` or `none`.

Standard library only: settings are parsed before the first paint.
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("usb", "network", "serial", "file")
ALLOWED = "usb:VID:PID (hex), network:HOST[:PORT], serial:DEVICE, file:PATH or none"
WIDTHS = {58: 32, 80: 48}  # paper width in mm → characters per line in font A
NETWORK_PORT = 9100


@dataclass(frozen=True)
class PrinterTarget:
    """A parsed printer setting; `str()` gives the setting back."""

    kind: str
    address: str = ""  # host, device or file path
    port: int = NETWORK_PORT
    vendor: int = 0
    product: int = 0

    def __str__(self) -> str:
        if self.kind == "usb":
            return f"usb:{self.vendor:04x}:{self.product:04x}"
        if self.kind == "network":
            return f"network:{self.address}:{self.port}"
        return f"{self.kind}:{self.address}"


def parse_target(text: str) -> PrinterTarget | None:
    """The printer named by a setting, None for `none` or empty; ValueError when it cannot be read."""
    value = text.strip()
    if value.lower() in ("", "none"):
        return None
    kind, _, rest = value.partition(":")
    kind = kind.lower()
    if kind not in KINDS or not rest:
        raise ValueError(value)
    if kind == "usb":
        vendor, _, product = rest.partition(":")
        try:
            ids = int(vendor, 16), int(product, 16)
        except ValueError:
            raise ValueError(value) from None
        if not all(0 < number <= 0xFFFF for number in ids):
            raise ValueError(value)
        return PrinterTarget("usb", vendor=ids[0], product=ids[1])
    if kind == "network":
        host, port = rest, NETWORK_PORT
        if rest.count(":") == 1:  # HOST:PORT (a bare IPv6 address has several colons)
            host, _, given = rest.partition(":")
            if not given.isdigit() or not 0 < int(given) < 65536:
                raise ValueError(value)
            port = int(given)
        if not host:
            raise ValueError(value)
        return PrinterTarget("network", host, port=port)
    return PrinterTarget(kind, rest)


def columns(width_mm: int) -> int:
    """Characters per line of font A on paper of this width."""
    return WIDTHS[width_mm]
