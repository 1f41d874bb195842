"""Writing the delivery config (the GUI's settings dialog): what is saved loads back equal."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import pytest

from exporter import DeliveryConfig, DeviceSettings, SmtpSettings, load_config, save_config
from exporter.delivery.errors import DeliveryConfigError


def test_saved_config_loads_back_equal(tmp_path):
    path = tmp_path / "sub" / "config.toml"
    smtp = SmtpSettings(host="smtp.example.org", port=2525, security="starttls", sender="me@example.org",
                        username="me", timeout=12.5, ca_file=tmp_path / "my ca.pem")
    devices = {
        "kindle": DeviceSettings(name="kindle", email="me_1@kindle.com"),
        "my kobo \"glo\"": DeviceSettings(name="my kobo \"glo\"", path=tmp_path / "Kobo é", kind="kobo"),
    }
    config = DeliveryConfig(source=path, smtp=smtp, devices=MappingProxyType(devices))
    assert save_config(config, path) == path
    again = load_config(path)
    assert again.smtp == smtp
    assert dict(again.devices) == devices
    assert not list(path.parent.glob(".exporter-tmp-*"))


def test_a_config_that_would_not_load_is_refused_and_nothing_is_written(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("# the user's own file\n", "utf-8")
    bad = DeliveryConfig(smtp=SmtpSettings(host="smtp.example.org", port=25, security="none",
                                           sender="me@example.org", username="me"))
    with pytest.raises(DeliveryConfigError, match="unencrypted"):
        save_config(bad, path)
    assert path.read_text("utf-8") == "# the user's own file\n"
