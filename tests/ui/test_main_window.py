"""The main window opens over a store, lists its municipalities, switches, and closes cleanly."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from app.model import Municipality
from app.services import records
from app.storage.store import Store
from ui.main_window import MainWindow
from ui.models.municipalities import ID_ROLE, MunicipalityListModel


def _two_municipalities(store: Store) -> tuple[str, str]:
    lodz = records.create(store, Municipality, name="Łódź", kind="city_county", teryt="1061")
    zg = records.create(store, Municipality, name="Gmina Żółkiewka", kind="rural", teryt="0615072")
    return lodz.id, zg.id


def test_model_lists_municipalities_sorted_ignoring_diacritics(store: Store) -> None:
    _two_municipalities(store)
    model = MunicipalityListModel(store)
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == ["Gmina Żółkiewka", "Łódź"]


def test_empty_store_shows_welcome_with_demo_button(window: MainWindow) -> None:
    assert window.central.currentWidget() is window.welcome
    assert not window.switcher.isEnabled()


def test_window_lists_and_switches_municipalities(qtbot, settings: QSettings, store: Store) -> None:  # type: ignore[no-untyped-def]
    lodz, zolkiewka = _two_municipalities(store)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.set_store(store)
    window.show()
    assert window.central.currentWidget() is window.splitter
    assert window.switcher.count() == 2
    assert window.municipality_id == zolkiewka  # nothing remembered yet: the first by name
    with qtbot.waitSignal(window.municipality_changed) as blocker:
        window.switcher.activated.emit(window.municipality_model.row_of(lodz))
    assert blocker.args == [lodz]
    assert "Łódź" in window.windowTitle()
    assert window.switcher.itemData(window.switcher.currentIndex(), ID_ROLE) == lodz
    window.close()
    assert window.store is None  # the store was closed with the window
    # The choice is remembered for the next start.
    assert settings.value("last_municipality") == lodz


def test_switcher_filter_folds_polish_letters(window: MainWindow, store: Store) -> None:
    _two_municipalities(store)
    window.municipality_model.reload()
    proxy = window.switcher._proxy
    proxy.set_text("lodz")
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0).data() == "Łódź"
    proxy.set_text("ZOLK")
    assert proxy.index(0, 0).data() == "Gmina Żółkiewka"


def test_navigate_opens_the_page_and_asks_it_to_show_the_record(
    window: MainWindow, store: Store, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    lodz, _other = _two_municipalities(store)
    window.municipality_model.reload()
    window.choose_municipality(lodz)
    shown: list[tuple[str, str]] = []
    plan_page = window.pages[2]
    monkeypatch.setattr(
        plan_page, "show_record", lambda kind, rid: shown.append((kind, rid)), raising=False
    )
    window.navigate("plan", "goal", "abc")
    assert window.navigation.currentRow() == 2
    assert window.stack.currentWidget() is plan_page
    assert shown == [("goal", "abc")]
    window.navigate("no-such-page")
    assert window.navigation.currentRow() == 2


def test_file_menu_offers_documents_and_exchange_files(window: MainWindow) -> None:
    texts = [a.text().replace("&", "") for a in window.menuBar().actions()[0].menu().actions()]
    for expected in ("Eksportuj dokument PDF…", "Zapisz plik wymiany…", "Wczytaj plik wymiany…"):
        assert expected in texts
    assert window.findChild(type(window.action_undo), "quickNoteAction") is not None or any(
        "Szybka" in a.text() for a in window.findChildren(type(window.action_undo))
    )
