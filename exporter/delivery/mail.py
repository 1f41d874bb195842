"""E-mail delivery: the message (``email``) and the SMTP adapter (``smtplib``) with its quirks.

smtplib quirks held here:
- ``SMTP(host, port)`` connects in the constructor, so connection errors come
  from there: ``ConnectionRefusedError``, ``socket.gaierror`` (unknown host),
  ``TimeoutError``; a server that hangs up gives ``SMTPServerDisconnected``.
- ``starttls()`` raises ``SMTPNotSupportedError`` when the server does not
  offer STARTTLS, and ``ssl.SSLError`` (e.g. ``SSLCertVerificationError``) on a
  bad certificate; ``SMTP_SSL`` against a plain port gives ``SSLError``
  "wrong version number". All are TLS failures to the user.
- ``login()`` raises ``SMTPAuthenticationError`` on a refused password,
  ``SMTPNotSupportedError`` when the server offers no AUTH, and a bare
  ``SMTPException`` when no mechanism matches.
- ``send_message()`` raises ``SMTPRecipientsRefused`` only when *all*
  recipients are refused and returns the others in a dict: we send to one
  address, so a non-empty dict cannot happen, but it is checked anyway.
- The server's ``SIZE`` limit (EHLO) is not checked by smtplib before it sends
  the data; we check it so a too-large book fails before the upload.
- ``EmailMessage.add_attachment`` puts a ``MIME-Version`` header on each part;
  it is removed from the parts (RFC 2045 wants it once, at the top).
- Server replies are quoted in our messages; they are scrubbed of the password
  (and its base64 forms) in case a server echoes what it was sent.
"""

from __future__ import annotations

import base64
import email.policy
import email.utils
import logging
import smtplib
import socket
import ssl
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

from .config import SmtpSettings
from .errors import (
    MessageTooLargeError,
    RecipientRefusedError,
    SmtpAuthError,
    SmtpConnectionError,
    SmtpTlsError,
)

logger = logging.getLogger(__name__)

EPUB_MAINTYPE, EPUB_SUBTYPE = "application", "epub+zip"


def build_message(
    epub: Path, data: bytes, *, sender: str, recipient: str, subject: str, now: datetime
) -> EmailMessage:
    """The e-mail: short text body and the EPUB attached under its own file name."""
    message = EmailMessage(policy=email.policy.SMTP)
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = recipient
    message["Date"] = email.utils.format_datetime(now)
    # Use the sender's domain: the default (this machine's host name) leaks it and is often "localhost".
    message["Message-ID"] = email.utils.make_msgid(domain=sender.rpartition("@")[2])
    message.set_content(
        f"The attached e-book \"{subject}\" ({epub.name}, {len(data) / 1_000_000:.1f} MB) "
        "was sent by Article Exporter.\n"
    )
    # The email package writes a non-ASCII name as RFC 2231 filename*=utf-8''...
    message.add_attachment(data, maintype=EPUB_MAINTYPE, subtype=EPUB_SUBTYPE, filename=epub.name)
    for part in message.iter_parts():
        # EmailMessage makes its parts EmailMessages too, and set_content gives
        # each a MIME-Version header that belongs only at the top (RFC 2045).
        del part["MIME-Version"]
    return message


def send_message(settings: SmtpSettings, password: str | None, message: EmailMessage) -> None:
    """Send ``message`` through the configured server; typed `DeliveryError`s on failure."""
    where = f"{settings.host}:{settings.port}"
    scrub = _Scrubber(settings.username, password)
    context = _tls_context(settings)
    client = _connect(settings, context, where)
    try:
        if settings.security == "starttls":
            _starttls(client, context, where, scrub)
        if settings.username:
            _login(client, settings.username, password or "", where, scrub)
        _check_size(client, message, where)
        _send(client, message, where, scrub)
    finally:
        _quit(client)


def _tls_context(settings: SmtpSettings) -> ssl.SSLContext | None:
    if settings.security == "none":
        return None
    try:
        return ssl.create_default_context(cafile=str(settings.ca_file) if settings.ca_file else None)
    except (OSError, ssl.SSLError) as err:
        raise SmtpTlsError(f"cannot load ca_file: {getattr(err, 'strerror', None) or err}", path=settings.ca_file) from err


def _connect(settings: SmtpSettings, context: ssl.SSLContext | None, where: str) -> smtplib.SMTP:
    try:
        if settings.security == "ssl":
            return smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout, context=context)
        return smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    except ssl.SSLError as err:
        raise SmtpTlsError(f"TLS failed with {where}: {_ssl_reason(err)}") from err
    except socket.gaierror as err:
        raise SmtpConnectionError(f"cannot find SMTP server {settings.host}: {err.strerror}") from err
    except ConnectionRefusedError as err:
        raise SmtpConnectionError(f"connection refused by {where}: is the SMTP server running?") from err
    except (TimeoutError, socket.timeout) as err:
        raise SmtpConnectionError(f"no answer from {where} within {settings.timeout:g} s") from err
    except (smtplib.SMTPException, OSError) as err:
        raise SmtpConnectionError(f"cannot connect to {where}: {_describe(err)}") from err


def _starttls(client: smtplib.SMTP, context: ssl.SSLContext | None, where: str, scrub: _Scrubber) -> None:
    try:
        client.starttls(context=context)
        client.ehlo()  # capabilities (AUTH, SIZE) may differ once encrypted
    except smtplib.SMTPNotSupportedError as err:
        raise SmtpTlsError(f"{where} does not offer STARTTLS: use security = \"ssl\" or the right port") from err
    except ssl.SSLError as err:
        raise SmtpTlsError(f"TLS failed with {where}: {_ssl_reason(err)}") from err
    except smtplib.SMTPResponseException as err:
        raise SmtpTlsError(f"{where} refused STARTTLS: {scrub.reply(err)}") from err
    except (smtplib.SMTPException, OSError) as err:
        raise SmtpConnectionError(f"connection to {where} failed during STARTTLS: {_describe(err)}") from err


def _login(client: smtplib.SMTP, username: str, password: str, where: str, scrub: _Scrubber) -> None:
    # `from None` below: the chained smtplib exception would carry the raw server reply.
    try:
        client.login(username, password)
    except smtplib.SMTPAuthenticationError as err:
        raise SmtpAuthError(f"{where} refused the login for {username!r}: {scrub.reply(err)}") from None
    except smtplib.SMTPNotSupportedError:
        raise SmtpAuthError(f"{where} offers no login (AUTH); remove [smtp] username or check the port") from None
    except smtplib.SMTPServerDisconnected as err:
        raise SmtpConnectionError(f"{where} closed the connection during login: {scrub.text(str(err))}") from None
    except smtplib.SMTPException as err:
        raise SmtpAuthError(f"login to {where} failed: {scrub.text(str(err))}") from None


def _check_size(client: smtplib.SMTP, message: EmailMessage, where: str) -> None:
    limit = client.esmtp_features.get("size", "").strip()
    if not limit.isdigit() or int(limit) == 0:  # SIZE 0 (or no number) means "no fixed limit"
        return
    size = len(message.as_bytes())
    if size > int(limit):
        raise MessageTooLargeError(
            f"the message is {size / 1_000_000:.1f} MB, over {where}'s limit of {int(limit) / 1_000_000:.1f} MB"
        )


def _send(client: smtplib.SMTP, message: EmailMessage, where: str, scrub: _Scrubber) -> None:
    recipient = message["To"]
    try:
        refused = client.send_message(message)
    except smtplib.SMTPRecipientsRefused as err:
        code, reply = next(iter(err.recipients.values()))
        raise RecipientRefusedError(
            f"{where} refused the recipient {recipient}: {code} {scrub.text(_decode(reply))}"
        ) from None
    except smtplib.SMTPSenderRefused as err:
        if err.smtp_code == 552:
            raise MessageTooLargeError(f"{where} refused the message as too large: {scrub.reply(err)}") from None
        raise RecipientRefusedError(f"{where} refused the sender {err.sender}: {scrub.reply(err)}") from None
    except smtplib.SMTPDataError as err:
        if err.smtp_code in (552, 554) and b"size" in (err.smtp_error or b"").lower():
            raise MessageTooLargeError(f"{where} refused the message as too large: {scrub.reply(err)}") from None
        raise RecipientRefusedError(f"{where} refused the message: {scrub.reply(err)}") from None
    except smtplib.SMTPResponseException as err:
        raise SmtpConnectionError(f"{where} failed while sending: {scrub.reply(err)}") from None
    except (smtplib.SMTPException, OSError) as err:
        raise SmtpConnectionError(f"connection to {where} failed while sending: {_describe(err)}") from None
    if refused:
        raise RecipientRefusedError(f"{where} refused the recipient(s) {', '.join(refused)}")
    logger.info("sent %s to %s through %s", message["Subject"], recipient, where)


def _quit(client: smtplib.SMTP) -> None:
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()  # the server already hung up; nothing left to tell it


class _Scrubber:
    """Removes the password, in clear and in AUTH's base64 forms, from server text."""

    def __init__(self, username: str | None, password: str | None) -> None:
        self.secrets: list[str] = []
        if password:
            user = (username or "").encode()
            raw = password.encode()
            self.secrets = [
                password,
                base64.b64encode(raw).decode(),
                base64.b64encode(b"\0" + user + b"\0" + raw).decode(),
            ]

    def text(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return " ".join(text.split())  # one line, whatever the server sent

    def reply(self, err: smtplib.SMTPResponseException) -> str:
        return f"{err.smtp_code} {self.text(_decode(err.smtp_error))}"


def _decode(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


def _ssl_reason(err: ssl.SSLError) -> str:
    if isinstance(err, ssl.SSLCertVerificationError):
        return f"certificate not trusted ({err.verify_message})"
    return err.reason or str(err)


def _describe(err: BaseException) -> str:
    return getattr(err, "strerror", None) or str(err) or type(err).__name__
