"""Django's JSON serialisation with times kept to the microsecond, for backups and plan files.

Django's own JSON encoder cuts a datetime to milliseconds (for JavaScript), so a restored row's
time differs from the original's in its last digits, and pages that print times exactly (the
history's <time datetime=...>) would not be the same after a restore. Registered as the
serialisation format "ilacs-json" (settings.SERIALIZATION_MODULES); reading back is Django's
JSON deserializer, which reads either.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.serializers import json as django_json
from django.core.serializers.json import DjangoJSONEncoder


class PreciseJSONEncoder(DjangoJSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time) and o.tzinfo is None:
            return o.isoformat()
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self) -> None:
        super()._init_options()
        self.json_kwargs["cls"] = PreciseJSONEncoder


Deserializer = django_json.Deserializer
