"""Schemathesis hooks for tests/test_schemathesis.py (its CLI loads them through SCHEMATHESIS_HOOKS).

A text/plain or text/markdown body is text, whatever value schemathesis
generated for it before serialising it ('{}' is a fine article): a body of
another JSON type cannot violate ``type: string`` once sent, so cases that
are negative only in that way are left out. Negative text (blank, NUL) stays.

A webhook URL the pattern admits can still be refused by the target check (a port over 65535, a bracketed
host that is no IPv6 address, credentials): JSON Schema cannot say so, so such URLs are left out here and
their refusal is tested in tests/api/test_webhook_targets.py.
"""
from urllib.parse import urlsplit

import schemathesis
from schemathesis.core.parameters import ParameterLocation

TEXT_TYPES = ("text/plain", "text/markdown")


def _refused_target(case) -> bool:
    url = case.body.get("url") if isinstance(case.body, dict) else None
    if case.method.upper() != "POST" or case.operation.path != "/v1/webhooks" or not isinstance(url, str):
        return False
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        return True
    return parts.username is not None or parts.password is not None


@schemathesis.hook
def filter_case(context, case) -> bool:
    if _refused_target(case):
        return False
    return not ((case.media_type or "") in TEXT_TYPES and not isinstance(case.body, str)
                and case.meta is not None and case.meta.is_negative_at(ParameterLocation.BODY))
