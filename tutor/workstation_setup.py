"""Applies the installer config to a workstation's data folder, at every start.

Safe to repeat: what is already so is left alone. Keys are added to the trusted list but
never removed; the staff passphrase is set only on a workstation that has none, so one that
staff change later is never put back; the workstation's name and the PIN setting are set
when the config's own value for them changes, so what staff choose in Settings in between
stays; each change is written to the audit log.
"""

from __future__ import annotations

from pathlib import Path

from tutor.install_config import InstallConfig, InstallConfigError
from tutor.paths import database_path
from tutor.store import Store
from tutor.store.learner_admin import LEARNERS_MAY_CHANGE_PIN, WORKSTATION_NAME, change_setting
from tutor.trust.keys import KeyFileError, add_trusted_key

# Remembers which config passphrase hash was last dealt with, so a hash is used (or reported
# as not used) once, and a passphrase that staff change later is never put back.
CONFIG_HASH_SETTING = "installer_config_passphrase_hash"
INSTALLER_ROLE = "installer"
# Remembers the value of a setting that the config last applied (kept under this prefix and
# the setting's name), so the config only wins when its own value changes.
APPLIED_PREFIX = "config_applied."


def apply_install_config(config: InstallConfig, *, store: Store, data_folder: Path) -> list[str]:
    """Apply a config to a workstation's data; return what changed, in plain words.

    Safe to run at every start: what is already so is left alone, and each change it makes
    is written to the audit log.
    """
    changes: list[str] = []
    source = {"config": str(config.path)}
    for key in config.trusted_keys:
        try:
            added = add_trusted_key(data_folder, key)
        except KeyFileError as error:
            raise InstallConfigError([f"The trusted keys of this workstation cannot be read. "
                                      f"{error}"]) from error
        if added:
            store.record_audit(INSTALLER_ROLE, "trusted key added from the installer config",
                               {"fingerprint": key.fingerprint, "comment": key.comment, **source})
            changes.append(f"Trusted key {key.fingerprint} added.")
    if config.staff_passphrase_hash is not None:
        changes += _apply_passphrase_hash(config.staff_passphrase_hash, store, source)
    if _apply_setting(store, WORKSTATION_NAME, config.workstation_name):
        changes.append(f"Workstation name set to {config.workstation_name}.")
    reset_pin = config.learners_may_reset_pin
    value = None if reset_pin is None else "true" if reset_pin else "false"
    if _apply_setting(store, LEARNERS_MAY_CHANGE_PIN, value):
        changes.append(f"Learners may reset their own PIN: {value}.")
    return changes


def _apply_setting(store: Store, key: str, value: str | None) -> bool:
    """Set a setting from the config only when the config's value is new; True if it changed.

    Staff may change the setting in the Settings dialog later. Their choice stays until IT
    puts a different value in the config (or takes the line out and puts it back).
    """
    applied_key = APPLIED_PREFIX + key
    applied = store.setting(applied_key)
    if value is None:
        if applied:
            store.set_setting(applied_key, "")  # left out: putting it back applies it again
        return False
    if applied == value:
        return False
    changed = change_setting(store, key, value, role=INSTALLER_ROLE)
    store.set_setting(applied_key, value)
    return changed


def _apply_passphrase_hash(encoded: str, store: Store, source: dict[str, str]) -> list[str]:
    """Use the config's passphrase hash once, and only where there is no passphrase yet."""
    if store.setting(CONFIG_HASH_SETTING) == encoded:
        return []  # dealt with at an earlier start; staff may have changed it since
    if store.has_staff_passphrase():
        store.record_audit(INSTALLER_ROLE, "installer config passphrase not used",
                           {"reason": "this workstation already has a staff passphrase", **source})
        change = "The staff passphrase was kept: this workstation already had one."
    else:
        store.set_staff_passphrase_hash(encoded)
        change = "Staff passphrase set."
    store.set_setting(CONFIG_HASH_SETTING, encoded)
    return [change]


def apply_to_data_folder(config: InstallConfig, data_folder: Path) -> list[str]:
    """Open the data folder's store, apply the config to it, and close it again."""
    data_folder.mkdir(parents=True, exist_ok=True)
    with Store.open(database_path(data_folder)) as store:
        return apply_install_config(config, store=store, data_folder=data_folder)
