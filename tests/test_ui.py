"""The Gradio UI in a real headless Chromium (Debian's), plus the scripted gradio_client path."""

from __future__ import annotations

import os
import shutil

import pytest

from .conftest import ROOT, SHIPS, free_port

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SHOTS = ROOT / "test-output"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def app_url(real_bot):  # noqa: ANN201
    from rag.ui import launch

    port = free_port()
    app = launch(real_bot, port=port, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}"
    app.close()


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201
    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian chromium is missing: run ./scripts/install.sh --test")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


def _ask(page, question: str) -> None:  # noqa: ANN001
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")


def test_answer_shows_cited_article_and_highlighted_quote(browser, app_url) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(app_url)
    page.wait_for_selector("#status:has-text('Ready')", timeout=120_000)
    _ask(page, "Comment s'appellent les deux navires qui ont transporté les conteneurs ?")
    source = page.locator(f"#sources .source[data-article='{SHIPS}']")
    source.wait_for(timeout=180_000)
    assert "Angara" in source.locator("mark.quote").first.inner_text()
    assert SHIPS in page.locator("#chat").inner_text()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "ui-answer.png"), full_page=True)
    # earlier turns stay on screen when a second question comes
    _ask(page, "Quelle est la capitale de l'Australie ?")
    page.locator("#sources .refusal").wait_for(timeout=180_000)
    assert page.locator("#sources .source").count() == 0  # a refusal shows no sources
    chat = page.locator("#chat").inner_text()
    # the first answer keeps its own verified quote; the refusal says why, in the question's language
    assert "Angara" in chat and "Sources vérifiées" in chat and "raison" in chat
    page.screenshot(path=str(SHOTS / "ui-refusal.png"), full_page=True)
    page.get_by_role("button", name="Export answer (Markdown)").click()
    page.locator("#exported").get_by_text("answer-").first.wait_for(timeout=30_000)
    page.close()


def test_trace_this_answer_opens_the_trace_without_asking_again(browser, app_url) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(app_url)
    page.wait_for_selector("#status:has-text('Ready')", timeout=120_000)
    _ask(page, "Combien de conteneurs la Corée du Nord a-t-elle envoyés à la Russie ?")
    page.locator("#sources .source").first.wait_for(timeout=180_000)
    assert "Rapporté par" in page.locator("#chat").inner_text()
    page.locator("#trace-answer").click()
    page.locator("#trace-result #trace-count").wait_for(timeout=240_000)
    assert page.locator("#trace-result .source").count() >= 3
    page.close()


def test_question_html_is_shown_as_text_not_rendered(browser, app_url) -> None:
    page = browser.new_page()
    page.goto(app_url)
    page.wait_for_selector("#status:has-text('Ready')", timeout=120_000)
    _ask(page, "<img src=x onerror=\"document.title='pwned'\"> <b id='injected'>bold</b>")
    page.locator("#sources .refusal, #sources .source, #sources .error").first.wait_for(timeout=180_000)
    assert page.title() != "pwned" and page.locator("#chat #injected").count() == 0
    page.close()


def test_gradio_client_gets_the_cli_json(app_url) -> None:
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    d = client.predict("Quel aérodrome Kim Jong Un a-t-il visité en Russie ?", 5, api_name="/ask")
    assert set(d) >= {"answer", "refused", "citations"}
    assert not d["refused"] and "Knevichi" in d["answer"]
    assert d["citations"][0]["article_id"] == "000_24751b8f2254b014"


def test_upload_goes_through_ingest(browser, app_url, tmp_path) -> None:
    page = browser.new_page()
    page.goto(app_url)
    page.get_by_text("Settings and corpus").click()
    good = tmp_path / "nouvel_article.txt"
    good.write_text("Un nouvel article\n\nLe cargo Vostok a quitté le port de Rajin lundi.")
    shutil.copy(ROOT / "seeds" / f"{SHIPS}.txt", tmp_path / "copie.txt")
    page.locator("#add-files input[type=file]").set_input_files([str(good), str(tmp_path / "copie.txt")])
    page.get_by_role("button", name="Add to corpus").click()
    status = page.locator("#upload-status")
    status.get_by_text("Added").wait_for(timeout=60_000)
    assert "duplicates" in status.inner_text()
    page.locator("#corpus").get_by_text("nouvel_article").wait_for(timeout=30_000)
    # a file named like a stored article, with other text, must not replace it
    clash = tmp_path / f"{SHIPS}.txt"
    clash.write_text("Autre texte\n\nRien à voir.")
    page.locator("#add-files input[type=file]").set_input_files([str(clash)])
    page.get_by_role("button", name="Add to corpus").click()
    status.get_by_text("already stored").wait_for(timeout=60_000)
    page.locator("#remove-id textarea, #remove-id input").first.fill("nouvel_article")
    page.get_by_role("button", name="Remove", exact=True).click()
    page.locator("#remove-status").get_by_text("Removed").wait_for(timeout=60_000)
    assert page.locator("#corpus").get_by_text("nouvel_article").count() == 0
    page.close()


def test_two_tabs_keep_their_own_chats(browser, app_url) -> None:
    ctx_a, ctx_b = browser.new_context(), browser.new_context()
    a, b = ctx_a.new_page(), ctx_b.new_page()
    for page in (a, b):
        page.goto(app_url)
        page.wait_for_selector("#status:has-text('Ready')", timeout=120_000)
    _ask(a, "Quelle est la capitale de l'Australie ?")
    _ask(b, "Qui a gagné la Coupe du monde de football 2018 ?")
    a.locator("#sources .refusal").wait_for(timeout=180_000)
    b.locator("#sources .refusal").wait_for(timeout=180_000)
    assert "Australie" in a.locator("#chat").inner_text() and "Coupe" not in a.locator("#chat").inner_text()
    assert "Coupe" in b.locator("#chat").inner_text() and "Australie" not in b.locator("#chat").inner_text()
    ctx_a.close()
    ctx_b.close()


def test_trace_tab_lists_every_outlet_with_sources_and_drift(browser, app_url) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1300})
    page.goto(app_url)
    page.get_by_role("tab", name="Trace a claim").click()
    box = page.locator("#trace-claim textarea")
    box.fill("La Corée du Nord a envoyé plus de 1 000 conteneurs d'équipements militaires et de munitions à la Russie.")
    box.press("Enter")
    page.locator("#trace-result #trace-count").wait_for(timeout=240_000)
    cards = page.locator("#trace-result .source")
    assert cards.count() >= 4
    assert page.locator("#trace-result .earliest").count() >= 1
    assert "Kirby" in page.locator("#trace-result").inner_text()
    assert page.locator("#trace-result table.drift").count() >= 1  # "plus de 1 000" vs "1 000"
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "ui-trace.png"), full_page=True)
    page.get_by_role("tab", name="Claims of the corpus").click()
    page.locator("#claims-run").click()
    page.locator("#claims-json").get_by_text("claimreview-").first.wait_for(timeout=60_000)
    assert "1 000 conteneurs" in (page.locator("#claims").text_content() or "")
    page.close()
