"""Messages to send in the gateway tests and benchmarks, to numbers reserved for fiction."""

from connectors.sms import Sms

TEXT = "Mairie : la route du moulin sera fermée jeudi de 8h à 18h. STOP au 36111"
SENDER = "MAIRIE"


def number(index: int) -> str:
    """The index-th of the 10,000 mobile numbers ARCEP keeps for works of fiction
    (06 39 98 00 00 to 06 39 98 99 99), in E.164."""
    return f"+3363998{index:04d}"


def messages(count: int, text: str = TEXT, sender: str = SENDER) -> list[Sms]:
    """`count` messages with this text, to distinct numbers, referenced "1", "2"…"""
    return [Sms(number(i), text, sender, str(i + 1)) for i in range(count)]
