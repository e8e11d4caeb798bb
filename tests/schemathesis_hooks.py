"""Schemathesis hooks for tests/test_schemathesis.py (its CLI loads them through SCHEMATHESIS_HOOKS).

A text/plain or text/markdown body is text, whatever value schemathesis
generated for it before serialising it ('{}' is a fine article): a body of
another JSON type cannot violate ``type: string`` once sent, so cases that
are negative only in that way are left out. Negative text (blank, NUL) stays.
"""
import schemathesis
from schemathesis.core.parameters import ParameterLocation

TEXT_TYPES = ("text/plain", "text/markdown")


def _holds_nul(values) -> bool:
    return any("\x00" in str(value) for value in (values or {}).values())


@schemathesis.hook
def filter_case(context, case) -> bool:
    return not ((case.media_type or "") in TEXT_TYPES and not isinstance(case.body, str)
                and case.meta is not None and case.meta.is_negative_at(ParameterLocation.BODY))
