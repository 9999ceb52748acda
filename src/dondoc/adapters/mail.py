"""Delivery of reminders: e-mail over SMTP and JSON webhooks over HTTP.

These are the only functions in dondoc that talk to a mail server or a chat/webhook endpoint, so
that the reminder logic (:mod:`dondoc.remind`) stays testable with real local servers and any
failure surfaces as one :class:`DeliveryError` carrying the channel and a message for the operator.

SMTP: ``smtplib`` with STARTTLS when the server offers it and a user is configured (port 465 means
implicit TLS). Webhook: one ``POST`` of a JSON object; any non-2xx status is a failure.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Sequence
from email.header import Header
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formatdate, make_msgid
from typing import Any

import httpx

from dondoc.errors import DondocError

__all__ = ["DeliveryError", "post_webhook", "send_mail"]


class DeliveryError(DondocError):
    """A reminder could not be delivered; ``channel`` is "email" or "webhook"."""

    def __init__(self, message: str, *, channel: str) -> None:
        super().__init__(message)
        self.channel = channel


def build_message(
    *, sender: str, to: Sequence[str], subject: str, text: str, html: str | None = None
) -> Message:
    """A UTF-8 e-mail with a plain-text part and an optional HTML alternative.

    Built with the compat32 classes and ``Header`` on purpose: the default policy's folder puts
    the space between two RFC 2047 encoded words outside them, and readers drop it, so a long
    Vietnamese subject arrived as "1 nhiệmvụ quá hạn".
    """
    msg: Message
    if html is None:
        msg = MIMEText(text, "plain", "utf-8")
    else:
        msg = MIMEMultipart("alternative")
        msg.attach(MIMEText(text, "plain", "utf-8"))
        msg.attach(MIMEText(html, "html", "utf-8"))
    msg["From"] = sender
    msg["To"] = ", ".join(to)
    msg["Subject"] = Header(subject, "utf-8")  # type: ignore[assignment]
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "localhost")
    return msg


def send_mail(
    *,
    host: str,
    port: int,
    sender: str,
    to: Sequence[str],
    subject: str,
    text: str,
    html: str | None = None,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 30.0,
) -> None:
    """Send one e-mail.

    Raises:
        DeliveryError: the server cannot be reached, refuses the login or refuses every recipient.
    """
    if not to:
        raise DeliveryError("không có địa chỉ e-mail người nhận", channel="email")
    msg = build_message(sender=sender, to=to, subject=subject, text=text, html=html)
    try:
        smtp: smtplib.SMTP
        if port == 465:
            smtp = smtplib.SMTP_SSL(host, port, timeout=timeout, context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(host, port, timeout=timeout)
        with smtp:
            smtp.ehlo()
            if user and port != 465 and smtp.has_extn("starttls"):
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if user:
                smtp.login(user, password or "")
            smtp.send_message(msg)
    except (OSError, smtplib.SMTPException) as exc:
        raise DeliveryError(
            f"không gửi được e-mail qua {host}:{port} ({exc}); kiểm tra DONDOC_SMTP_HOST/PORT/USER/PASSWORD",
            channel="email",
        ) from exc


def post_webhook(url: str, payload: dict[str, Any], *, timeout: float = 15.0,
                 client: httpx.Client | None = None) -> None:
    """POST ``payload`` as JSON to ``url``.

    Raises:
        DeliveryError: the endpoint cannot be reached or answers with a non-2xx status.
    """
    try:
        if client is not None:
            response = client.post(url, json=payload, timeout=timeout)
        else:
            with httpx.Client(timeout=timeout) as own:
                response = own.post(url, json=payload)
    except httpx.HTTPError as exc:
        raise DeliveryError(
            f"không gọi được webhook {url} ({exc}); kiểm tra DONDOC_WEBHOOK_URL", channel="webhook"
        ) from exc
    if not response.is_success:
        raise DeliveryError(
            f"webhook {url} trả lời {response.status_code}; kiểm tra địa chỉ và quyền truy cập",
            channel="webhook",
        )
