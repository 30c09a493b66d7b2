"""One options object for an audit run; it validates itself."""
from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .errors import OptionsError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # 10 MiB of input


class AuditOptions(BaseModel):
    """Options of an audit.  Build with ``AuditOptions.build(**kw)`` to get a typed error on bad values."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str | None = None  # spaCy pipeline name; None = en_core_web_sm
    published: date | None = None  # overrides any date found in the input
    default_published: date | None = None  # only when neither the input nor its byline/dateline gives a date
    default_outlet: str | None = None  # only when the input names no outlet (site)
    url: str | None = None
    max_bytes: int = Field(DEFAULT_MAX_BYTES, gt=0)
    layers: tuple[str, ...] | None = None  # None = all; otherwise the doc layers to run
    rhetoric: bool = True
    detect_language: bool = True
    strict_layers: bool = False  # re-raise a crashing layer instead of recording a warning

    @field_validator("layers")
    @classmethod
    def _known_layers(cls, v):
        if v is None:
            return v
        from .analyze import ALL_LAYERS

        unknown = [x for x in v if x not in ALL_LAYERS]
        if unknown:
            raise ValueError(f"unknown layer(s) {unknown}; choose from {list(ALL_LAYERS)}")
        return tuple(v)

    @classmethod
    def build(cls, **kw) -> "AuditOptions":
        from pydantic import ValidationError

        try:
            return cls(**kw)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(x) for x in first["loc"])
            raise OptionsError(f"invalid option {where}: {first['msg']}") from None

    def runs(self, layer: str) -> bool:
        if layer in ("structure", "citations"):
            return True
        if layer == "rhetoric" and not self.rhetoric:
            return False
        return self.layers is None or layer in self.layers
