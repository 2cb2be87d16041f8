"""A campaign's content as the report shows it: each format's readable fields, in order."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from engage_desktop.core.analytics.content import LONGEST, campaign_content, readable_fields
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.errors import PermissionDenied
from tests.support.analytics_workspace import Small, build_small


def test_each_variant_in_order_with_its_fields(small: Small) -> None:
    found = campaign_content(small.ws, small.soldes)
    assert [(v.key, v.fields) for v in found] == [
        ("A", (("title", "Soldes"),)),
        ("B", (("title", "Soldes"),)),
    ]
    assert campaign_content(small.ws, 999) == []


@pytest.mark.parametrize(
    ("content", "fields"),
    [
        (  # push: texts in reading order, then the image, the link and the buttons
            {
                "deep_link": "app://soldes",
                "body": "-30 %",
                "title": "Soldes",
                "image_url": "https://cdn.example/s.jpg",
                "actions": [{"id": "a", "title": "Voir"}, {"id": "b", "title": "Plus tard"}],
                "badge": 3,
            },
            (
                ("title", "Soldes"),
                ("body", "-30 %"),
                ("image_url", "https://cdn.example/s.jpg"),
                ("deep_link", "app://soldes"),
                ("actions", "Voir · Plus tard"),
            ),
        ),
        (  # email: the HTML part as text
            {"subject": "Vente privée", "html": "<h1>Vente</h1><p>Bonjour {{ first_name }}</p>"},
            (("subject", "Vente privée"), ("html", "Vente\n\nBonjour {{ first_name }}")),
        ),
        (  # in-app: the buttons' labels
            {"layout": "modal", "header": "Bienvenue", "buttons": [{"label": "OK"}]},
            (("header", "Bienvenue"), ("buttons", "OK")),
        ),
        ({"body": "STOP au 36111"}, (("body", "STOP au 36111"),)),  # SMS
        ({}, ()),
    ],
)
def test_readable_fields_of_every_format(
    content: dict[str, object], fields: tuple[tuple[str, str], ...]
) -> None:
    assert readable_fields(content) == fields


def test_a_long_text_is_cut_with_an_ellipsis() -> None:
    ((_, text),) = readable_fields({"body": "x" * (LONGEST + 50)})
    assert len(text) == LONGEST and text.endswith("…")


def test_reading_content_needs_the_view_right(make_workspace: Callable[..., Workspace]) -> None:
    small = build_small(make_workspace(), None)
    with pytest.raises(PermissionDenied, match="view_analytics"):
        campaign_content(small.ws, small.soldes)
