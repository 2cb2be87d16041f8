"""What a connection test is given (``TestPlan``) and gives back (``TestReport``).

Core runs no network code: whoever starts core's credential operations (the CLI, the GUI)
hands them a ``ConnectionTester`` from ``services.fcm.connection_test``. Both the explicit
"Test connection" and the replacement of an app's key while it sends through FCM use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from engage_desktop.core.messages import CodedText
from engage_desktop.core.progress import Progress

if TYPE_CHECKING:  # light: the GUI imports this module with its first pages
    from engage_desktop.core.credentials.key_file import ServiceAccountKey
    from engage_desktop.core.credentials.provider_testing import ProviderTester
    from engage_desktop.security.vault import Vault

TEST_TOPIC = "engage-desktop-connection-test"


@dataclass(frozen=True)
class TestPlan:
    """The key to test and where the validate-only message goes (a test device, or a topic)."""

    __test__ = False  # not a pytest class

    app_name: str
    project_id: str
    key: ServiceAccountKey
    device_token: str | None  # None: no test device, the message targets ``TEST_TOPIC``
    device_label: str | None


@dataclass(frozen=True)
class TestReport:
    """``passed``: a token was issued and FCM accepted the credentials. ``message`` says what
    happened (coded, so the GUI words it); ``note`` adds what is worth knowing (e.g. the test
    device's token is no longer valid, which does not fail the credentials)."""

    __test__ = False

    passed: bool
    message: CodedText
    note: CodedText | None = None


class ConnectionTester(Protocol):
    def __call__(self, plan: TestPlan, progress: Progress) -> TestReport: ...


@dataclass(frozen=True)
class CredentialTools:
    """What the GUI's credentials dialogs are handed by whoever starts them (the CLI's ``gui``):
    this machine's keyring and the network half of "Test connection", for the FCM key
    (``tester``) and for the SMS and email accounts (``provider_tester``)."""

    vault: Vault
    tester: ConnectionTester
    provider_tester: ProviderTester
