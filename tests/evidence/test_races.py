"""Evidence written at the same moment as something else (tests/races.py): on PostgreSQL only.

- Two editors deleting the same file: one deletes it, the other is told it has gone.
- A file attached while its progress update is withdrawn: either the file arrived first (and
  stays with the update's history), or the withdrawal did and the upload is refused with nothing
  stored. Never a stored file without its row.
"""

from __future__ import annotations

from functools import partial

import pytest
from django.core.files.storage import default_storage

from ilacs.evidence import services
from ilacs.evidence.models import EvidenceFile
from ilacs.plans import services as plan_services
from ilacs.plans.models import ProgressUpdate
from tests.evidence.conftest import DAY, PDF
from tests.races import needs_postgresql, race

pytestmark = [needs_postgresql, pytest.mark.django_db(transaction=True)]

ROUNDS = 5


def _attach(target, user):
    return services.attach(
        target, user=user, data=PDF, filename="m.pdf", description="Minutes", effective_date=DAY
    )


def _stored(la):
    try:
        return default_storage.listdir(f"evidence/{la.pk}")[1]
    except FileNotFoundError:
        return []


def test_two_deletes_of_one_file_at_once(cast, caras_action):
    for round_ in range(ROUNDS):
        evidence = _attach(caras_action, cast.erin_editor)
        results = race(
            partial(
                services.remove, EvidenceFile.objects.get(pk=evidence.pk), user=cast.erin_editor
            ),
            partial(
                services.remove, EvidenceFile.objects.get(pk=evidence.pk), user=cast.alice_admin
            ),
        )
        refused = [r for r in results if isinstance(r, services.EvidenceError)]
        assert results.count(None) == 1 and len(refused) == 1, results
        assert "already been deleted" in str(refused[0])
        assert not EvidenceFile.objects.exists()
        assert EvidenceFile.history.filter(history_type="-").count() == round_ + 1


def test_attaching_while_the_update_is_withdrawn(cast, caras_action):
    for round_ in range(ROUNDS):
        update = plan_services.post_update(
            caras_action, user=cast.cara_contributor, narrative=f"Round {round_}", rag="green"
        )
        results = race(
            partial(_attach, ProgressUpdate.objects.get(pk=update.pk), cast.cara_contributor),
            partial(
                plan_services.withdraw_update,
                ProgressUpdate.objects.get(pk=update.pk),
                user=cast.erin_editor,
                reason="Posted twice",
            ),
        )
        attached, withdrawn = results
        assert isinstance(withdrawn, ProgressUpdate), results
        if isinstance(attached, EvidenceFile):
            assert EvidenceFile.objects.filter(pk=attached.pk, progress_update=update).exists()
        else:
            assert isinstance(attached, services.EvidenceError), results
            assert "has been withdrawn" in str(attached)
        assert len(_stored(cast.northbrook)) == EvidenceFile.objects.count()
