from __future__ import annotations

from django.db import models
from django.urls import reverse

from ilacs.localauthorities.reference import LA_TYPES, REGIONS


class LocalAuthority(models.Model):
    """An English council with children's services responsibilities (reference data).

    Loaded from data/local_authorities.json; the fictional demonstration council "Northbrook"
    is the only one created otherwise, and says so in `is_fictional`.
    """

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    ons_name = models.CharField("ONS name", max_length=100, blank=True)
    la_code = models.CharField("DfE LA code", max_length=3, unique=True, null=True, blank=True)
    ons_code = models.CharField("ONS code", max_length=9, unique=True, null=True, blank=True)
    ofsted_urn = models.CharField("Ofsted URN", max_length=10, unique=True, null=True, blank=True)
    region = models.CharField(
        max_length=40, choices=[(r, r) for r in REGIONS], blank=True, db_index=True
    )
    la_type = models.CharField("type", max_length=30, choices=list(LA_TYPES.items()), blank=True)
    also_known_as = models.JSONField(
        default=list, blank=True, help_text="Other names reports use for this council."
    )
    is_current = models.BooleanField(
        default=True, help_text="False for councils abolished by reorganisation."
    )
    is_fictional = models.BooleanField(
        default=False, help_text="True only for the demonstration council."
    )
    replaced_by = models.ManyToManyField(
        "self", symmetrical=False, related_name="predecessors", blank=True
    )
    statistical_neighbours = models.ManyToManyField(
        "self",
        symmetrical=False,
        through="StatisticalNeighbour",
        through_fields=("local_authority", "neighbour"),
        related_name="+",
        blank=True,
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("localauthorities:detail", args=[self.slug])

    def ordered_neighbours(self) -> list[LocalAuthority]:
        """The ten statistical neighbours, closest first."""
        links = self.neighbour_links.select_related("neighbour").order_by("rank")
        return [link.neighbour for link in links]


class StatisticalNeighbour(models.Model):
    """One of a council's ten statistical neighbours (DfE children's services model), ranked."""

    local_authority = models.ForeignKey(
        LocalAuthority, on_delete=models.CASCADE, related_name="neighbour_links"
    )
    neighbour = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["local_authority", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["local_authority", "neighbour"], name="unique_statistical_neighbour"
            ),
            models.UniqueConstraint(
                fields=["local_authority", "rank"], name="unique_statistical_neighbour_rank"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.local_authority} neighbour {self.rank}: {self.neighbour}"
