"""E-mail delivery against a real aiosmtpd server on 127.0.0.1 (STARTTLS, implicit TLS, plain)."""

from __future__ import annotations

import email
import email.policy
import io
from pathlib import Path

import pytest

from exporter.cli import main
from exporter.delivery import (
    MessageTooLargeError,
    MissingSmtpConfigError,
    RecipientRefusedError,
    SmtpAuthError,
    SmtpConnectionError,
    SmtpTlsError,
    load_config,
    send_book,
)
from exporter.delivery import service
from exporter.errors import ExitStatus, exit_code_for

from .conftest import file_digest
from .test_delivery_support import (  # noqa: F401  (fixtures)
    PASSWORD,
    REFUSED_DOMAIN,
    USERNAME,
    build_epub,
    certificate,
    epub_book,
    free_port,
    start_server,
)

RECIPIENT = "books@reader.example"


@pytest.fixture(autouse=True)
def _password_and_fresh_reminders(monkeypatch):
    monkeypatch.setenv("EXPORTER_SMTP_PASSWORD", PASSWORD)
    # The Kindle reminder is once per process; each test starts as a new run.
    monkeypatch.setattr(service, "_kindle_reminded", set())


def _server(security, cert, **controller_kwargs):
    server, controller = start_server(security, cert, **controller_kwargs)
    return server, controller


@pytest.fixture
def starttls_server(certificate):
    server, controller = _server("starttls", certificate)
    yield server
    controller.stop()


@pytest.fixture
def ssl_server(certificate):
    server, controller = _server("ssl", certificate)
    yield server
    controller.stop()


def write_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "delivery.toml"
    path.write_text(text, encoding="utf-8")
    return path


def received(server) -> list[email.message.EmailMessage]:
    return [email.message_from_bytes(e.original_content, policy=email.policy.default)
            for e in server.recorder.envelopes]


def attachment_of(message) -> email.message.EmailMessage:
    attachments = list(message.iter_attachments())
    assert len(attachments) == 1
    return attachments[0]


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_starttls_with_login_delivers_the_epub_byte_identical(tmp_path, starttls_server, epub_book):
    before = (file_digest(epub_book), epub_book.stat().st_mtime_ns)
    config = load_config(write_config(tmp_path, starttls_server.config_toml()))

    result = send_book(epub_book, RECIPIENT, config)

    [envelope] = starttls_server.recorder.envelopes
    # The server requires STARTTLS before AUTH and MAIL, so acceptance means both happened.
    assert envelope.mail_from == USERNAME and envelope.rcpt_tos == [RECIPIENT]
    [message] = received(starttls_server)
    part = attachment_of(message)
    assert part.get_content_type() == "application/epub+zip"
    assert part.get_filename() == epub_book.name
    assert part.get_content() == epub_book.read_bytes()
    assert message["Subject"] == "A Small Test Book"  # the EPUB's dc:title
    assert message["To"] == RECIPIENT and message["From"] == USERNAME
    assert message["Date"] and message["Message-ID"] == result.message_id
    assert message["Message-ID"].endswith("@example.org>")
    assert message.get_body(("plain",)).get_content().strip()
    assert message["MIME-Version"] == "1.0" and all("MIME-Version" not in p for p in message.iter_parts())
    assert result.kind == "email" and result.destination == RECIPIENT
    assert result.notices == ()  # not a Kindle address
    assert (file_digest(epub_book), epub_book.stat().st_mtime_ns) == before


def test_non_ascii_file_name_travels_as_rfc2231(tmp_path, starttls_server):
    book = build_epub(tmp_path / "Élan vital — été.epub", title="Été")
    config = load_config(write_config(tmp_path, starttls_server.config_toml()))
    send_book(book, RECIPIENT, config)
    raw = starttls_server.recorder.envelopes[0].original_content
    assert b"filename*=utf-8''%C3%89lan" in raw
    [message] = received(starttls_server)
    assert attachment_of(message).get_filename() == book.name
    assert message["Subject"] == "Été"


def test_implicit_tls_mode_delivers(tmp_path, ssl_server, epub_book):
    config = load_config(write_config(tmp_path, ssl_server.config_toml()))
    send_book(epub_book, RECIPIENT, config)
    [message] = received(ssl_server)
    assert attachment_of(message).get_content() == epub_book.read_bytes()


def test_plain_mode_without_login_delivers(tmp_path, epub_book):
    server, controller = _server("none", None)
    try:
        config = load_config(write_config(tmp_path, server.config_toml()))
        send_book(epub_book, RECIPIENT, config)
    finally:
        controller.stop()
    assert attachment_of(received(server)[0]).get_filename() == epub_book.name


def test_wrong_password_is_an_auth_error_without_the_password(tmp_path, starttls_server, epub_book, monkeypatch):
    wrong = "hunter2-wrong"
    monkeypatch.setenv("EXPORTER_SMTP_PASSWORD", wrong)
    digest = file_digest(epub_book)
    config = load_config(write_config(tmp_path, starttls_server.config_toml()))
    with pytest.raises(SmtpAuthError) as caught:
        send_book(epub_book, RECIPIENT, config)
    message = str(caught.value)
    assert "refused the login" in message and "535" in message
    assert wrong not in message and "\n" not in message
    assert exit_code_for(caught.value) == ExitStatus.SOME_FAILED
    assert starttls_server.recorder.envelopes == []
    assert file_digest(epub_book) == digest


def test_cli_send_wrong_password_exits_1_with_one_line(tmp_path, starttls_server, epub_book, monkeypatch):
    monkeypatch.setenv("EXPORTER_SMTP_PASSWORD", "hunter2-wrong")
    config = write_config(tmp_path, starttls_server.config_toml())
    code, out, err = run_cli("send", str(epub_book), "--to", RECIPIENT, "--config", str(config))
    assert code == 1
    assert out == ""
    error_lines = [line for line in err.splitlines() if line.startswith("exporter: error:")]
    assert len(error_lines) == 1 and "refused the login" in error_lines[0]
    assert "hunter2-wrong" not in err
    assert epub_book.exists()


def test_cli_send_success_prints_the_address(tmp_path, starttls_server, epub_book):
    config = write_config(tmp_path, starttls_server.config_toml())
    code, out, err = run_cli("send", str(epub_book), "--to", RECIPIENT, "--config", str(config))
    assert code == 0, err
    assert out == RECIPIENT + "\n"
    assert "1 book sent" in err
    assert len(starttls_server.recorder.envelopes) == 1


def test_server_down_is_a_connection_error(tmp_path, epub_book):
    port = free_port()  # nothing listens there
    config = load_config(write_config(tmp_path, f'[smtp]\nhost = "127.0.0.1"\nport = {port}\n'
                                                'security = "starttls"\nfrom = "me@example.org"\ntimeout = 5\n'))
    with pytest.raises(SmtpConnectionError, match="connection refused"):
        send_book(epub_book, RECIPIENT, config)


def test_untrusted_certificate_is_a_tls_error(tmp_path, starttls_server, epub_book):
    # Without ca_file the self-signed certificate is checked against the system CAs and fails.
    config = load_config(write_config(tmp_path, starttls_server.config_toml(trust="no")))
    with pytest.raises(SmtpTlsError, match="certificate not trusted"):
        send_book(epub_book, RECIPIENT, config)
    assert starttls_server.recorder.envelopes == []


def test_implicit_tls_against_a_plain_port_is_a_tls_error(tmp_path, starttls_server, epub_book):
    text = starttls_server.config_toml().replace('security = "starttls"', 'security = "ssl"')
    with pytest.raises(SmtpTlsError, match="TLS failed"):
        send_book(epub_book, RECIPIENT, load_config(write_config(tmp_path, text)))


def test_refused_recipient_is_named(tmp_path, starttls_server, epub_book):
    config = load_config(write_config(tmp_path, starttls_server.config_toml()))
    with pytest.raises(RecipientRefusedError, match=f"nobody@{REFUSED_DOMAIN}: 550"):
        send_book(epub_book, f"nobody@{REFUSED_DOMAIN}", config)


def test_server_size_limit_stops_before_upload(tmp_path, certificate, epub_book):
    server, controller = _server("starttls", certificate, data_size_limit=1000)
    try:
        config = load_config(write_config(tmp_path, server.config_toml()))
        with pytest.raises(MessageTooLargeError, match="limit of 0.0 MB"):
            send_book(epub_book, RECIPIENT, config)
    finally:
        controller.stop()
    assert server.recorder.envelopes == []


def test_kindle_limit_is_checked_before_connecting(tmp_path):
    import io
    import zipfile

    small = io.BytesIO()  # an EPUB-shaped zip (send refuses anything else) ...
    with zipfile.ZipFile(small, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
    big = tmp_path / "big.epub"
    with big.open("wb") as handle:  # ... after 50 MB of sparse padding, which zip readers skip
        handle.truncate(50_000_001 - len(small.getvalue()))
        handle.seek(0, 2)
        handle.write(small.getvalue())
    # The port is closed: reaching the network would give a connection error instead.
    config = load_config(write_config(tmp_path, f'[smtp]\nhost = "127.0.0.1"\nport = {free_port()}\n'
                                                'from = "me@example.org"\n'))
    with pytest.raises(MessageTooLargeError, match="Send to Kindle takes at most 50 MB"):
        send_book(big, "me_123@kindle.com", config)
    assert big.stat().st_size == 50_000_001


def test_kindle_approved_sender_reminder_comes_once(tmp_path, starttls_server, epub_book):
    config = load_config(write_config(tmp_path, starttls_server.config_toml()))
    other = build_epub(tmp_path / "second.epub", title="Second")
    first = send_book(epub_book, "me_123@kindle.com", config)
    second = send_book(other, "me_123@kindle.com", config)
    assert len(first.notices) == 1 and "approved sender list" in first.notices[0]
    assert USERNAME in first.notices[0]
    assert second.notices == ()
    assert len(starttls_server.recorder.envelopes) == 2


def test_email_target_without_smtp_section_is_a_config_error(tmp_path, epub_book):
    config = load_config(write_config(tmp_path, '[devices.kindle]\nemail = "me_123@kindle.com"\n'))
    with pytest.raises(MissingSmtpConfigError, match=r"no \[smtp\] section"):
        send_book(epub_book, "kindle", config)
    code, _, err = run_cli("send", str(epub_book), "--to", "kindle", "--config", str(tmp_path / "delivery.toml"))
    assert code == ExitStatus.USAGE and "no [smtp] section" in err


def test_send_after_export_sends_each_epub_written(tmp_path, starttls_server, epub_book, monkeypatch):
    from argparse import Namespace

    from exporter.batch import BatchReport, FileReport
    from exporter.delivery.commands import send_after_export

    pdf = tmp_path / "dist" / "a-small-test-book.pdf"
    report = BatchReport(files=[FileReport(input="a.txt", outputs=[
        {"format": "epub", "path": str(epub_book), "bytes": epub_book.stat().st_size},
        {"format": "pdf", "path": str(pdf), "bytes": 1},
    ])])
    config = write_config(tmp_path, starttls_server.config_toml())
    args = Namespace(send=RECIPIENT, send_config=config, quiet=False, json=False)
    out, err = io.StringIO(), io.StringIO()
    assert send_after_export(args, report, ExitStatus.SUCCESS, out, err) == ExitStatus.SUCCESS
    assert out.getvalue() == ""  # stdout keeps only the export's own paths
    assert len(starttls_server.recorder.envelopes) == 1
    assert f"sent {epub_book} to {RECIPIENT}" in err.getvalue()

    monkeypatch.setenv("EXPORTER_SMTP_PASSWORD", "wrong")
    err = io.StringIO()
    assert send_after_export(args, report, ExitStatus.SUCCESS, io.StringIO(), err) == ExitStatus.SOME_FAILED
    assert "refused the login" in err.getvalue()
