"""The local authority name matcher: pure functions, then against the reference data."""

import pytest

from ilacs.localauthorities.matching import AmbiguousName, LocalAuthorityIndex, normalise_la_name


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("Bristol, City of", "bristol"),
        ("Bristol City Council", "bristol"),
        ("Kingston Upon Hull, City of", "kingston upon hull"),
        ("KINGSTON UPON HULL", "kingston upon hull"),
        ("Telford & Wrekin", "telford and wrekin"),
        ("Telford and Wrekin Council", "telford and wrekin"),
        ("St. Helens", "st helens"),
        ("Saint Helens", "st helens"),
        ("St Helens Council", "st helens"),
        ("County Durham", "durham"),
        ("Durham County Council", "durham"),
        ("Herefordshire, County of", "herefordshire"),
        ("London Borough of Tower Hamlets", "tower hamlets"),
        ("Royal Borough of Kensington and Chelsea", "kensington and chelsea"),
        ("Royal Borough of Windsor & Maidenhead", "windsor and maidenhead"),
        ("Bedford Borough Council", "bedford"),
        ("Stoke-on-Trent City Council", "stoke on trent"),
        ("Bournemouth, Christchurch & Poole", "bournemouth christchurch and poole"),
        ("City of London", "city of london"),
        ("The City of London", "city of london"),
        ("Council of the Isles of Scilly", "isles of scilly"),
        ("City of York Council", "york"),
        ("Wigan Metropolitan Borough Council", "wigan"),
        ("Calderdale Metropolitan Council", "calderdale"),
        ("Wakefield District Metropolitan Council", "wakefield"),
        ("Tameside metropolitan borough", "tameside"),
        ("Medway Children\u2019s Services", "medway"),
        ("  Leicestershire   County Council ", "leicestershire"),
        ("Southend\u2011on\u2011Sea", "southend on sea"),
        ("Children\u2019s Trust", "childrens trust"),
    ],
)
def test_normalise_la_name(printed, key):
    assert normalise_la_name(printed) == key


def test_courtesy_words_alone_are_kept():
    # Never normalise a name to nothing.
    assert normalise_la_name("Council") == "council"
    assert normalise_la_name("County") == "county"


def test_index_matches_every_spelling_and_nothing_else():
    index = LocalAuthorityIndex(
        [
            (["Kingston upon Hull", "Kingston Upon Hull, City of", "Hull"], "810"),
            (["Leicester"], "856"),
            (["Leicestershire"], "855"),
        ]
    )
    assert index.match("Hull City Council") == "810"
    assert index.match("Leicester City Council") == "856"
    assert index.match("Leicestershire County Council") == "855"
    assert index.match("Kingston upon Thames") is None
    assert index.match("") is None
    assert index.match(None) is None


def test_index_refuses_a_name_two_councils_claim():
    with pytest.raises(AmbiguousName):
        LocalAuthorityIndex([(["Newcastle"], "391"), (["Newcastle"], "860")])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("Bristol", "Bristol"),
        ("Bristol, City of", "Bristol"),
        ("Herefordshire", "Herefordshire"),
        ("Kingston upon Hull", "Kingston upon Hull"),
        ("Hull", "Kingston upon Hull"),
        ("Durham", "Durham"),
        ("County Durham", "Durham"),
        ("Telford and Wrekin", "Telford and Wrekin"),
        ("telford & wrekin", "Telford and Wrekin"),
        ("St Helens", "St Helens"),
        ("St. Helens", "St Helens"),
        ("Bedford Borough", "Bedford Borough"),
        ("Bedford", "Bedford Borough"),
        ("Kensington and Chelsea", "Kensington and Chelsea"),
        ("Bournemouth, Christchurch and Poole", "Bournemouth, Christchurch and Poole"),
        ("BCP", "Bournemouth, Christchurch and Poole"),
        ("London Corporation", "City of London"),
        ("Windsor & Maidenhead", "Windsor and Maidenhead"),
        ("Isles of Scilly", "Isles of Scilly"),
        ("Cumbria", "Cumbria"),
        ("Westmorland and Furness", "Westmorland and Furness"),
        ("Leicester", "Leicester"),
        ("Leicestershire", "Leicestershire"),
    ],
)
def test_reference_data_matches_report_names(printed, name):
    from ilacs.localauthorities.services import match_local_authority

    la = match_local_authority(printed)
    assert la is not None, printed
    assert la.name == name


@pytest.mark.django_db
@pytest.mark.parametrize("printed", ["Northbrook", "Kingston", "Wales", "England", "", None])
def test_reference_data_does_not_guess(printed):
    from ilacs.localauthorities.services import match_local_authority

    assert match_local_authority(printed) is None
