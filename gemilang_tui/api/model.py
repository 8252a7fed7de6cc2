"""The base of every model of the contract."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class ApiModel(BaseModel):
    """A pydantic model whose validator is built on first use, not at import.

    The embedded mock imports every model of the contract when it starts; building them all then cost the kiosk
    megabytes of memory for services a citizen may never open.
    """

    model_config = ConfigDict(defer_build=True)
