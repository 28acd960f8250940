"""What a pane shows for a login it has no name for: no claim prefix, and a guest's own e-mail."""
from __future__ import annotations

from lms365_desktop.ui.itemmodels.lookups import user_principal


def test_a_guests_login_reads_as_their_own_e_mail():
    assert user_principal("i:0#.f|membership|ann_fabrikam.com#EXT#@contoso.onmicrosoft.com") == "ann@fabrikam.com"
    assert user_principal("i:0#.f|membership|bo@contoso.com") == "bo@contoso.com"
    assert user_principal(None) == ""
