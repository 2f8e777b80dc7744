"""A participant's phone for Room Link: Debian's Chromium, headless, 360×740, driven by
Selenium through /usr/bin/chromedriver (Selenium Manager never downloads anything).

    driver = phone_browser(tmp_path)      # or None, with the reason in MISSING
    ...
    driver.quit()

Run as a script it takes the README's phone screenshots of every participant page:
    python tests/harness/phone_browser.py docs/screenshots
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WIDTH, HEIGHT = 360, 740


def missing() -> str:
    """Why no phone can be started here ("" when it can)."""
    if importlib.util.find_spec("selenium") is None:  # (not imported: it pulls in trio)
        return "selenium is not installed (pip install -e '.[test]')"
    if not Path(CHROMIUM).exists():
        return "Chromium is not installed (apt-get install chromium)"
    if not Path(CHROMEDRIVER).exists():
        return "chromedriver is not installed (apt-get install chromium-driver)"
    return ""


def phone_browser(profile: Path) -> Any:
    """A headless Chromium the size of a phone, with a fresh profile in `profile`."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager: never fetch a browser or driver
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless",
        "--no-sandbox",  # as root
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--window-size={WIDTH},{HEIGHT}",
        "--force-device-scale-factor=1",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    # The viewport itself 360 px wide (the window size includes no chrome when headless,
    # but make sure): what a phone shows.
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": True},
    )
    return driver


def full_page_png(driver: Any, path: Path) -> None:
    """The whole page, however long, as a phone of WIDTH would scroll through it."""
    height = int(driver.execute_script("return document.documentElement.scrollHeight"))
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": WIDTH, "height": max(HEIGHT, height), "deviceScaleFactor": 1, "mobile": True},
    )
    driver.save_screenshot(str(path))
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": True},
    )


def _screenshots(out: Path) -> None:  # pragma: no cover - run by hand
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from alignmeet.domain.enums import ActionStatus, Attendance, Phase
    from alignmeet.room import Room
    from alignmeet.services import open_services

    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="room-shots-"))
    services = open_services(str(work / "demo.sqlite3"))
    teams = {t.name: t.id for t in services.people.list_teams()}
    add = services.people.add_member
    ava = add(name="Ava Chen", team_id=teams["Sales"], role="Account Executive")
    ben = add(name="Ben Okafor", team_id=teams["Sales"], role="SDR")
    maya = add(name="Maya Rossi", team_id=teams["Marketing"], role="Demand Gen Manager")
    leo = add(name="Leo Novak", team_id=teams["Marketing"], role="Content Marketing")
    people = [ava, ben, maya, leo]
    series = services.meetings.ensure_series(name="Monthly Sales & Marketing sync")
    template = next(t for t in services.agenda.templates() if t.name.startswith("Monthly"))
    today = datetime.now().replace(hour=9, minute=0, second=0, microsecond=0)
    earlier = services.meetings.create_meeting(
        title="Sales & Marketing sync",
        starts_at=today - timedelta(days=28),
        series_id=series.id,
        invitee_ids=[p.id for p in people],
    )
    for title in ("Send the webinar deck to every lead", "Agree the MQL definition with Sales"):
        services.actions.add_action(
            meeting_id=earlier.id,
            owner_id=ava.id,
            title=title,
            due=(today - timedelta(days=3)).date(),
            today=(today - timedelta(days=28)).date(),
        )
    services.meetings.close_meeting(meeting_id=earlier.id)
    meeting = services.meetings.create_meeting(
        title="Sales & Marketing sync",
        starts_at=today,
        series_id=series.id,
        invitee_ids=[p.id for p in people],
        template_id=template.id,
        topic="Turn webinar leads into pipeline",
        end_goal="Every webinar lead called within a day",
    )
    for p in people[:3]:
        services.meetings.set_attendance(
            meeting_id=meeting.id, member_id=p.id, attendance=Attendance.PRESENT
        )
    room = Room(services, meeting.id, host="127.0.0.1", port=0)
    room.start()
    driver = phone_browser(work / "profile")
    try:
        wait = WebDriverWait(driver, 10)
        driver.get(room.base_url)
        driver.find_element(By.ID, "code").send_keys(room.access.code)
        full_page_png(driver, out / "room-1-code.png")
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "button.name"))
        full_page_png(driver, out / "room-2-names.png")
        driver.find_element(By.CSS_SELECTOR, f"button[value='{ava.id}']").click()
        wait.until(lambda d: "Waiting" in d.page_source)
        full_page_png(driver, out / "room-3-waiting.png")
        room.access.approve_all()
        wait.until(lambda d: d.find_elements(By.ID, "phase"))
        full_page_png(driver, out / "room-4-open.png")

        def phase(p: Phase, name: str) -> None:
            services.meetings.set_phase(meeting_id=meeting.id, phase=p)
            wait.until(
                lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-phase") == p.value
            )
            full_page_png(driver, out / f"room-{name}.png")

        services.actions.set_status(
            action_id=services.actions.follow_ups(meeting.id)[0].action.id,
            status=ActionStatus.IN_PROGRESS,
            note="Half the leads done",
            meeting_id=meeting.id,
        )
        phase(Phase.REVIEW, "5-review")
        items = services.agenda.items(meeting.id)
        services.agenda.add_idea(
            item_id=items[0].id, text="Show conversion by campaign", author_id=ben.id
        )
        services.agenda.add_idea(item_id=items[0].id, text="Add speed to lead", author_id=maya.id)
        room.set_stage(item_id=items[0].id, box_seconds=600, used_seconds=222, running=True)
        phase(Phase.AGENDA, "6-agenda")
        services.actions.add_action(
            meeting_id=meeting.id,
            owner_id=ava.id,
            title="Call every webinar lead within 24 hours",
            due=(today + timedelta(days=7)).date(),
        )
        services.actions.add_action(
            meeting_id=meeting.id, owner_id=ben.id, title="Tag every rejected lead with a reason"
        )
        phase(Phase.ACTIONS, "7-actions")
        services.meetings.commit(meeting_id=meeting.id, member_id=ben.id, confidence=4)
        phase(Phase.COMMITMENTS, "8-commitments")
        services.accountability.rate(meeting_id=meeting.id, member_id=maya.id, score=9)
        phase(Phase.CLOSE, "9-close")  # the rating: 1–10, with or without a name
        driver.find_element(By.CSS_SELECTOR, "button.level[value='6']").click()
        wait.until(lambda d: d.find_elements(By.ID, "answer"))
        driver.find_element(By.ID, "answer").send_keys("Decide before we discuss the next item")
        full_page_png(driver, out / "room-10-rating-question.png")
        driver.find_element(By.CSS_SELECTOR, "#rate button.primary").click()
        wait.until(lambda d: "You rated it" in d.page_source)
        full_page_png(driver, out / "room-11-rated.png")
        # Ben, on his phone, rates without his name.
        driver.delete_all_cookies()
        driver.get(room.join_url)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, f"button[value='{ben.id}']"))
        driver.find_element(By.CSS_SELECTOR, f"button[value='{ben.id}']").click()
        wait.until(lambda d: "Waiting" in d.page_source)
        room.access.approve_all()
        wait.until(lambda d: d.find_elements(By.NAME, "anonymous"))
        driver.find_element(By.NAME, "anonymous").click()
        driver.find_element(By.CSS_SELECTOR, "button.level[value='9']").click()
        wait.until(lambda d: "anonymous rating is in" in d.page_source)
        full_page_png(driver, out / "room-12-rated-anonymously.png")
    finally:
        driver.quit()
        room.close()
        services.close()
    print(f"Screenshots in {out}")


if __name__ == "__main__":  # pragma: no cover
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    reason = missing()
    if reason:
        sys.exit(reason)
    _screenshots(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
