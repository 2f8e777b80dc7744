"""Teams and members."""

import pytest

from alignmeet.domain.rules import ValidationError
from alignmeet.services import NotFoundError


def test_a_new_database_has_a_sales_and_a_marketing_team(services):
    assert [t.name for t in services.people.list_teams()] == ["Sales", "Marketing"]


def test_default_teams_are_not_added_again_after_a_rename(services, teams):
    services.people.rename_team(team_id=teams["Sales"], name="Revenue")
    services.people.ensure_default_teams()
    assert [t.name for t in services.people.list_teams()] == ["Revenue", "Marketing"]


def test_a_member_gets_their_team_name_role_and_email(services, teams):
    member = services.people.add_member(
        name="  Ana   López ",
        team_id=teams["Sales"],
        role="Account   Executive",
        email=" ana@example.com ",
    )
    assert member.name == "Ana López"
    assert member.team_name == "Sales"
    assert member.role == "Account Executive"
    assert member.email == "ana@example.com"
    assert member.active
    assert services.people.get_member(member.id) == member


@pytest.mark.parametrize("again", ["ana lópez", "  ANA   LÓPEZ  ", "Ana\tLópez"])
def test_member_names_are_unique_ignoring_case_and_spaces(services, teams, again):
    services.people.add_member(name="Ana López", team_id=teams["Sales"])
    with pytest.raises(ValidationError) as err:
        services.people.add_member(name=again, team_id=teams["Marketing"])
    assert err.value.field == "name"
    assert err.value.message == "“Ana López” is already a member."
    assert len(services.people.list_members()) == 1


def test_a_duplicate_of_an_inactive_member_suggests_reactivating_them(services, teams):
    ana = services.people.add_member(name="Ana López", team_id=teams["Sales"])
    services.people.update_member(member_id=ana.id, active=False)
    with pytest.raises(ValidationError, match="inactive — reactivate them instead"):
        services.people.add_member(name="ana lópez", team_id=teams["Sales"])


def test_renaming_a_member_onto_another_members_name_is_refused(services, teams):
    services.people.add_member(name="Ana López", team_id=teams["Sales"])
    ben = services.people.add_member(name="Ben Okoro", team_id=teams["Sales"])
    with pytest.raises(ValidationError):
        services.people.update_member(member_id=ben.id, name="ANA LÓPEZ")
    assert services.people.update_member(member_id=ben.id, name="ben okoro").name == "ben okoro"


@pytest.mark.parametrize("name", ["", "   ", "\n\t"])
def test_a_member_needs_a_name(services, teams, name):
    with pytest.raises(ValidationError) as err:
        services.people.add_member(name=name, team_id=teams["Sales"])
    assert err.value.field == "name"
    assert "cannot be empty" in err.value.message


def test_a_bad_email_is_refused_at_the_email_field(services, teams):
    with pytest.raises(ValidationError) as err:
        services.people.add_member(name="Ana", team_id=teams["Sales"], email="ana.example.com")
    assert err.value.field == "email"
    assert services.people.list_members() == []


def test_emoji_and_right_to_left_names_are_kept_as_typed(services, teams):
    for name in ("سارة القحطاني", "Zoë 🚀 Müller", "<b>Sam</b>", "{{7*7}}"):
        assert services.people.add_member(name=name, team_id=teams["Marketing"]).name == name


def test_members_are_listed_by_team_then_name_and_inactive_hidden_by_default(services, teams):
    add = services.people.add_member
    zed = add(name="Zed", team_id=teams["Sales"])
    add(name="Amy", team_id=teams["Marketing"])
    add(name="Bob", team_id=teams["Sales"])
    assert [x.name for x in services.people.list_members()] == ["Bob", "Zed", "Amy"]
    services.people.update_member(member_id=zed.id, active=False)
    assert [x.name for x in services.people.list_members()] == ["Bob", "Amy"]
    names = [x.name for x in services.people.list_members(include_inactive=True)]
    assert names == ["Bob", "Zed", "Amy"]


def test_moving_a_member_to_another_team_updates_the_team_name(services, teams):
    ana = services.people.add_member(name="Ana", team_id=teams["Sales"])
    moved = services.people.update_member(member_id=ana.id, team_id=teams["Marketing"])
    assert moved.team_name == "Marketing"


def test_a_member_of_a_team_that_does_not_exist_is_refused(services):
    with pytest.raises(NotFoundError, match="Team 999 does not exist"):
        services.people.add_member(name="Ana", team_id=999)


def test_teams_can_be_added_after_the_default_ones(services):
    cs = services.people.add_team(name="Customer Success")
    assert [t.name for t in services.people.list_teams()] == [
        "Sales",
        "Marketing",
        "Customer Success",
    ]
    assert cs.position == 2


def test_team_names_are_unique_ignoring_case_and_spaces(services, teams):
    with pytest.raises(ValidationError, match="already a team called “Sales”"):
        services.people.add_team(name=" SALES ")
    with pytest.raises(ValidationError) as err:
        services.people.rename_team(team_id=teams["Marketing"], name="sales")
    assert err.value.field == "name"
    assert [t.name for t in services.people.list_teams()] == ["Sales", "Marketing"]


def test_a_team_can_be_renamed_to_a_different_spelling_of_its_own_name(services, teams):
    assert services.people.rename_team(team_id=teams["Sales"], name="SALES").name == "SALES"


def test_a_team_needs_a_name(services, teams):
    with pytest.raises(ValidationError, match="Team name cannot be empty"):
        services.people.rename_team(team_id=teams["Sales"], name=" ")
