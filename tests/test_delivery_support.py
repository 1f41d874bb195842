"""Shared parts of the delivery tests: a small valid EPUB, a TLS certificate, a real SMTP server.

No tests here; the other ``test_delivery_*`` modules import these fixtures.
The EPUB is built by hand with zipfile so these tests do not depend on the
project's EPUB writer.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

USERNAME = "reader@example.org"
PASSWORD = "correct horse battery staple"
REFUSED_DOMAIN = "refused.example"

_CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""
_OPF = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">urn:uuid:8f7c2b4e-0000-4000-8000-000000000001</dc:identifier>
    <dc:title>{title}</dc:title>
    <dc:language>en</dc:language>
    <meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="text" href="text.xhtml" media-type="application/xhtml+xml"/>
    <item id="pic" href="pic.png" media-type="image/png"/>
  </manifest>
  <spine><itemref idref="text"/></spine>
</package>
"""
_NAV = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en">
<head><title>Contents</title></head>
<body><nav epub:type="toc"><ol><li><a href="text.xhtml">{title}</a></li></ol></nav></body>
</html>
"""
_TEXT = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<head><title>{title}</title></head>
<body>
  <section>
    <h1>{title}</h1>
    <p>The first sentence is short. The second one asks a question? Yes! It has <em>emphasis. Inside</em> too.</p>
    <p>Here is a picture <img src="pic.png" alt="a dot"/> in the middle of a line.</p>
    <blockquote><p>\u201cA quoted sentence.\u201d Then more text\u2026 and the end</p></blockquote>
  </section>
</body>
</html>
"""
# A 1×1 PNG: a binary member that must come through the conversions unchanged.
_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def build_epub(path: Path, *, title: str = "A Small Test Book") -> Path:
    """A small valid EPUB 3: mimetype stored first, container, OPF, nav, one XHTML, one image."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", _CONTAINER)
        archive.writestr("OEBPS/content.opf", _OPF.format(title=title))
        archive.writestr("OEBPS/nav.xhtml", _NAV.format(title=title))
        archive.writestr("OEBPS/text.xhtml", _TEXT.format(title=title))
        archive.writestr("OEBPS/pic.png", _PNG)
    return path


@pytest.fixture
def epub_book(tmp_path: Path) -> Path:
    return build_epub(tmp_path / "dist" / "a-small-test-book.epub")


def free_port() -> int:
    """A port nothing listens on right now (aiosmtpd's Controller cannot use port 0)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Certificate:
    cert_file: Path
    key_file: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context


@pytest.fixture(scope="session")
def certificate(tmp_path_factory) -> Certificate:
    """A self-signed certificate for localhost and 127.0.0.1, made now (EC: fast to generate)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([
            x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
        ]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ))
    return Certificate(cert_file, key_file)


@dataclass
class Recorder:
    """aiosmtpd handler: keeps every accepted message, refuses one domain's recipients."""

    envelopes: list = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.endswith("@" + REFUSED_DOMAIN):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted"


def authenticator(server, session, envelope, mechanism, auth_data):
    from aiosmtpd.smtp import AuthResult, LoginPassword

    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == USERNAME.encode()
        and auth_data.password == PASSWORD.encode()
    )
    # handled=False on failure: aiosmtpd then sends the 535 reply itself; with
    # handled=True nothing is sent and the client waits until its timeout.
    return AuthResult(success=True) if ok else AuthResult(success=False, handled=False)


@dataclass
class SmtpServer:
    port: int
    recorder: Recorder
    cert: Certificate | None
    security: str

    def config_toml(self, **extra: str) -> str:
        lines = [
            "[smtp]", 'host = "127.0.0.1"', f"port = {self.port}", f'security = "{self.security}"',
            f'from = "{USERNAME}"', "timeout = 10",
        ]
        if self.security != "none" or extra.pop("login", None):
            lines.append(f'username = "{USERNAME}"')
        if self.cert is not None and extra.pop("trust", "yes") == "yes":
            lines.append(f'ca_file = "{self.cert.cert_file}"')
        lines += [f"{key} = {value}" for key, value in extra.items()]
        return "\n".join(lines) + "\n"


def start_server(security: str, cert: Certificate | None, **controller_kwargs) -> tuple[SmtpServer, object]:
    from aiosmtpd.controller import Controller

    recorder = Recorder()
    port = free_port()
    # aiosmtpd counts only STARTTLS as TLS for auth_require_tls; with implicit TLS
    # (ssl_context) it would hide AUTH although the whole session is encrypted.
    kwargs = dict(hostname="127.0.0.1", port=port, authenticator=authenticator,
                  auth_require_tls=security == "starttls")
    if security == "starttls":
        kwargs.update(tls_context=cert.server_context(), require_starttls=True)
    elif security == "ssl":
        kwargs.update(ssl_context=cert.server_context())
    controller = Controller(recorder, **kwargs, **controller_kwargs)
    controller.start()
    return SmtpServer(port, recorder, cert, security), controller
