"""Receipt lines that depend on the kiosk's menu: where the citizen checks the status of what was sent."""

from __future__ import annotations

from gemilang_tui.catalog import Catalogue, bundled_catalogue
from gemilang_tui.i18n import _

STATUS_GROUP = "cek_status"


def where_to_check(kind: str, catalogue: Catalogue | None = None) -> str:
    """"Cek status di anjungan ini: Menu Utama, tekan 9, lalu 1." when the menu has a status check for `kind`
    (its code is `status_<kind>`); otherwise the counter, since a receipt must not send anyone to a missing menu."""
    catalogue = catalogue or bundled_catalogue()
    group = next((group for group in catalogue.groups if group.kode == STATUS_GROUP), None)
    check = catalogue.service(f"status_{kind}")
    if group is None or check is None or not check.aktif or check.grup != group.kode:
        return _("Ask the officer at the counter about it, with this number.")
    return _("Check the status at this kiosk:") + "\n" + _("Main Menu, press {group}, then {service}.").format(
        group=group.nomor, service=check.nomor)
