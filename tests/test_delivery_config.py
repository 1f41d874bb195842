"""Delivery config (TOML) and the SMTP password's sources (environment, keyring)."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError

from exporter.delivery import MissingPasswordError, load_config, resolve_target
from exporter.delivery.config import default_config_path
from exporter.delivery.errors import DeliveryConfigError
from exporter.delivery.password import KEYRING_SERVICE, PASSWORD_ENV, smtp_password
from exporter.errors import ConfigError, DeliveryError, ExitStatus, exit_code_for

EXAMPLE = """
[smtp]
host = "smtp.example.org"
security = "ssl"
username = "me@example.org"
ca_file = "ca.pem"

[devices.kindle]
email = "me_123@kindle.com"

[devices.kobo]
path = "~/kobo"
kind = "kobo"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_example_config_with_defaults(tmp_path):
    config = load_config(write(tmp_path, EXAMPLE))
    smtp = config.smtp
    assert (smtp.host, smtp.port, smtp.security) == ("smtp.example.org", 465, "ssl")  # port from security
    assert smtp.sender == "me@example.org"  # from defaults to an address-like username
    assert smtp.ca_file == tmp_path / "ca.pem"  # relative to the config file
    assert config.devices["kindle"].email == "me_123@kindle.com"
    assert config.devices["kobo"].path == Path.home() / "kobo" and config.devices["kobo"].kind == "kobo"
    assert resolve_target("kindle", config).email == "me_123@kindle.com"
    assert resolve_target("someone@pbsync.com", config, roots=[]).email == "someone@pbsync.com"


@pytest.mark.parametrize("text, message", [
    ('[smtp]\nhost = "h"\nfrom = "a@b.org"\npassword = "x"\n', "not read from the config file"),
    ('[smtp]\nhost = "h"\nfrom = "a@b.org"\nusename = "x"\n', "unknown key(s): usename"),
    ('[smtp]\nhost = "h"\nfrom = "a@b.org"\nsecurity = "tls"\n', "security must be"),
    ('[smtp]\nhost = "h"\nfrom = "a@b.org"\nport = 0\n', "port must be"),
    ('[smtp]\nfrom = "a@b.org"\n', "host is missing"),
    ('[smtp]\nhost = "h"\nusername = "bob"\n', "from must be"),
    ('[smtp]\nhost = "mail.example.org"\nsecurity = "none"\nusername = "a@b.org"\n', "unencrypted"),
    ('[devices.x]\nemail = "a@b.org"\npath = "/tmp"\n', "exactly one of"),
    ('[devices.x]\nemail = "not an address"\n', "not an e-mail address"),
    ('[devices.x]\npath = "/tmp"\nkind = "nook"\n', "kind must be one of"),
    ('[mail]\nhost = "h"\n', "unknown section"),
    ('[smtp\nhost = "h"\n', "invalid TOML"),
])
def test_bad_configs_are_config_errors_naming_the_file(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(DeliveryConfigError) as caught:
        load_config(path)
    assert message in str(caught.value)
    assert caught.value.path == path
    assert isinstance(caught.value, DeliveryError) and isinstance(caught.value, ConfigError)
    assert exit_code_for(caught.value) == ExitStatus.USAGE


def test_plain_login_to_localhost_is_allowed(tmp_path):
    config = load_config(write(tmp_path, '[smtp]\nhost = "127.0.0.1"\nsecurity = "none"\nusername = "a@b.org"\n'))
    assert config.smtp.port == 25


def test_explicit_missing_file_is_an_error_but_absent_default_is_empty(tmp_path, monkeypatch):
    with pytest.raises(DeliveryConfigError, match="config file not found"):
        load_config(tmp_path / "nope.toml")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert default_config_path() == tmp_path / "xdg" / "article-exporter" / "config.toml"
    config = load_config()
    assert config.smtp is None and dict(config.devices) == {}


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps passwords in a dict (no desktop keyring in CI)."""

    priority = 1

    def __init__(self, fail: bool = False) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}
        self.fail = fail

    def get_password(self, service, username):
        if self.fail:
            raise NoKeyringError("no backend")
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring(monkeypatch):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_password_from_keyring_and_environment_wins(memory_keyring, monkeypatch):
    memory_keyring.set_password(KEYRING_SERVICE, "me@example.org", "from-keyring")
    assert smtp_password("me@example.org") == "from-keyring"
    monkeypatch.setenv(PASSWORD_ENV, "from-env")
    assert smtp_password("me@example.org") == "from-env"


def test_missing_password_says_how_to_store_one(memory_keyring):
    with pytest.raises(MissingPasswordError) as caught:
        smtp_password("me@example.org")
    assert "keyring set article-exporter me@example.org" in str(caught.value)
    assert PASSWORD_ENV in str(caught.value)


def test_broken_keyring_is_a_missing_password_with_the_reason(memory_keyring):
    memory_keyring.fail = True
    with pytest.raises(MissingPasswordError, match="keyring unavailable: NoKeyringError"):
        smtp_password("me@example.org")


def test_send_checks_the_password_before_connecting(tmp_path, memory_keyring):
    from exporter.delivery import send_book

    from .test_delivery_support import build_epub, free_port

    book = build_epub(tmp_path / "b.epub")
    config = load_config(write(tmp_path, f'[smtp]\nhost = "127.0.0.1"\nport = {free_port()}\n'
                                         'username = "me@example.org"\n'))
    # Port closed: a connection attempt would give a connection error, not this one.
    with pytest.raises(MissingPasswordError):
        send_book(book, "someone@example.com", config)
