"""The HTTP API (``/v1``) and the page for lawyers (``/``), as a FastAPI application.

Why FastAPI on uvicorn: a maintained ASGI stack whose OpenAPI document comes
from the routes themselves (committed as ``docs/openapi.json`` and tested
against them), so an OA/CLM integrator in Java generates a client from it.
Every request that carries a document goes through :mod:`.uploads` (bounded,
private folder, removed afterwards) and :mod:`.workers` (bounded pool,
killable workers); the checking itself is the CLI's, in :mod:`.jobs`.
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..config import Config, parse_id_list
from ..errors import CliccheckError
from ..i18n import Said, render
from ..limits import MB
from ..report import FORMATS
from ..report.model import SCHEMA_VERSION
from . import jobs
from .accesslog import AccessLog
from .security import token_matches
from .uploads import PrivateFolder, Upload, UploadError, receive
from .workers import PoolFull, PoolUnavailable, WorkerPool

API_VERSION = "v1"
DEFAULT_MAX_UPLOAD = 50 * MB

#: report format -> media type of the response
REPORT_MEDIA = {"json": "application/json", "sarif": "application/sarif+json", "html": "text/html; charset=utf-8",
                "junit": "application/xml", "github": "text/plain; charset=utf-8",
                "text": "text/plain; charset=utf-8"}
ANNEX_MEDIA = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
               "md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8",
               "txt": "text/plain; charset=utf-8"}
DOCM_MEDIA = "application/vnd.ms-word.document.macroEnabled.12"
GATE = {0: "pass", 1: "fail", 2: "error"}
UI_LANGS = ("zh", "en")
STATIC_FILES = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "connect-src 'self'; frame-src 'self' blob:; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'")

UPLOAD_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {
    "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary", "description": "The contract (.docx, .pdf, .txt, .md)."}}}},
    "application/octet-stream": {"schema": {"type": "string", "format": "binary",
                                            "description": "The contract itself; name it with ?filename="}},
}}}
ERROR_SCHEMA = {"type": "object", "required": ["error"], "properties": {
    "error": {"type": "object", "required": ["code", "message"],
              "properties": {"code": {"type": "string"}, "message": {"type": "string"},
                             "localized_message": {"type": "string"}}},
    "request_id": {"type": "string"}}}


def _error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    texts = {400: "Bad option or malformed request", 401: "Missing or wrong API token",
             413: "Upload over the size limit", 422: "The document cannot be read or the job failed",
             429: "Every worker busy and the waiting line full: retry later",
             503: "No worker became free in time, or the service is stopping", 500: "Internal error"}
    return {s: {"description": texts[s], "content": {"application/json": {"schema": ERROR_SCHEMA}}}
            for s in statuses}


@dataclass(slots=True)
class Settings:
    """How the service runs; the defaults are the safe ones."""

    workers: int = 2
    queue: int = 16  # requests allowed to wait for a worker beyond those running
    queue_wait: float = 30.0  # seconds a request may wait for a worker before 503
    timeout: float | None = 120.0  # seconds per document before its worker is killed
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD
    token: str | None = None
    config: Config = field(default_factory=Config)
    access_log: str | None = None  # a file; None or "-": standard error
    tmp_parent: str | None = None
    warm: bool = True


class ServiceError(Exception):
    """An error answered as ``{"error": {"code", "message", "localized_message"}}`` with ``status``.

    ``message`` is English text, a :class:`~cliccheck.i18n.Said` or a coded error: the JSON ``message`` stays the
    English, ``localized_message`` is the same in the client's language (``ui_lang``, else Accept-Language)."""

    def __init__(self, status: int, code: str, message: str | Said | CliccheckError, headers: dict[str, str] | None = None,
                 rename: tuple[str, str] | None = None):
        english = message.message if isinstance(message, CliccheckError) else str(message)
        super().__init__(english)
        self.status, self.code, self.headers = status, code, headers or {}
        self._said = message
        self.rename = rename
        self.message = self._renamed(english)

    def _renamed(self, text: str) -> str:
        return text.replace(*self.rename) if self.rename else text

    def localized(self, lang: str) -> str:
        said = self._said
        text = said.localized(lang) if isinstance(said, CliccheckError) else \
            said.render(lang) if hasattr(said, "render") else str(said)
        return self._renamed(text)


def _builtin_packs(text: str | None) -> list[str] | None:
    """``packs=csr,pipl21`` from a client: built-in pack ids only (a client never names a folder on the server)."""
    if text is None:
        return None
    import re

    from ..packs import builtin_dirs

    specs = [t for t in re.split(r"[,\s]+", text) if t]
    unknown = [t for t in specs if t not in builtin_dirs()]
    if not specs or unknown:
        raise ServiceError(400, "bad-request", Said("service.unknown-packs", packs=", ".join(unknown) or repr(text),
                                                     known=", ".join(builtin_dirs())))
    return list(dict.fromkeys(specs))


def _attachment(filename: str) -> str:
    ascii_name = filename.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def _stem(filename: str) -> str:
    stem = Path(filename).stem
    return stem or "contract"


class _Validation(str):
    """A request FastAPI refused: the English names pydantic's words; other languages name the fields."""

    def __new__(cls, english: str, fields: str) -> _Validation:
        said = super().__new__(cls, english)
        said.fields = fields
        return said

    def render(self, lang: str) -> str:
        return str(self) if lang == "en" else render("service.bad-request", lang, {"fields": self.fields or "-"})


def _request_lang(request: Request) -> str:
    """The language of an error's ``localized_message``: ``?ui_lang=``, else as the page (?lang=,
    Accept-Language), else English."""
    asked = request.query_params.get("ui_lang")
    return asked if asked in UI_LANGS else _page_lang(request)


def _page_lang(request: Request) -> str:
    """The page's first language: ?lang=, else the first of zh/en in Accept-Language (q-weighted), else en."""
    asked = request.query_params.get("lang")
    if asked in UI_LANGS:
        return asked
    best, best_q = "en", -1.0
    for item in request.headers.get("accept-language", "").split(","):
        tag, _, params = item.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            with contextlib.suppress(ValueError):
                q = float(params.strip()[2:])
        primary = tag.strip().lower().split("-")[0]
        if primary in UI_LANGS and q > best_q:
            best, best_q = primary, q
    return best


def _static(name: str) -> str:
    return resources.files("cliccheck.service").joinpath("static", name).read_text(encoding="utf-8")


def create_app(settings: Settings | None = None) -> FastAPI:
    """The application; the pool and the private folder live from startup to shutdown."""
    settings = settings or Settings()

    def _packs_or_configured(text: str | None) -> tuple[str, ...]:
        """``packs=`` from the client, else the server configuration's packs (its playbooks included), as
        /v1/lint takes them: the annex covers the rules the gate checks."""
        chosen = _builtin_packs(text)
        return tuple(chosen) if chosen is not None else settings.config.resolved_packs()

    def _lint_rules(packs: tuple[str, ...]) -> tuple[str, ...]:
        """The rules /v1/lint checks with these packs: the server configuration's select and ignore."""
        return tuple(settings.config.with_cli(packs=packs).requirement_ids())
    pool = WorkerPool(settings.workers, queue=settings.queue, queue_wait=settings.queue_wait, warm=settings.warm)
    state: dict[str, Any] = {}

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        state["folder"] = PrivateFolder(settings.tmp_parent)
        state["log"] = AccessLog(settings.access_log)
        await pool.start()
        try:
            yield
        finally:
            await pool.stop()
            state["folder"].remove()
            state["log"].close()

    app = FastAPI(
        title="cliccheck", version=__version__, lifespan=lifespan,
        description="The Art. 6 Cybersecurity Review Measures gate over HTTP: lint a procurement contract for "
                    "the supplier's four undertakings (CSR01-CSR04), and generate the annex or the redline that "
                    "fixes it. Bound to localhost by default; elsewhere every /v1 call except /v1/health needs "
                    "`Authorization: Bearer <token>`.",
        docs_url=None, redoc_url=None, openapi_url=f"/{API_VERSION}/openapi.json",
    )
    app.state.pool = pool
    app.state.settings = settings
    app.state.service = state

    def error(status: int, code: str, message: str | ServiceError, request: Request,
              headers: dict[str, str] | None = None) -> JSONResponse:
        rid = getattr(request.state, "request_id", "")
        said = message if isinstance(message, ServiceError) else ServiceError(status, code, message)
        body = {"code": code, "message": said.message, "localized_message": said.localized(_request_lang(request))}
        return JSONResponse({"error": body, "request_id": rid}, status_code=status, headers=headers)

    @app.exception_handler(ServiceError)
    async def _service_error(request: Request, exc: ServiceError) -> JSONResponse:
        request.state.log["error"] = exc.code
        return error(exc.status, exc.code, exc, request, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = [f"{'.'.join(str(x) for x in e.get('loc', ())[1:])}: {e.get('msg', '')}" for e in exc.errors()]
        names = [".".join(str(x) for x in e.get("loc", ())[1:]) for e in exc.errors()]
        request.state.log["error"] = "bad-request"
        english = "; ".join(parts) or "invalid request"
        return error(400, "bad-request", ServiceError(400, "bad-request",
                                                      _Validation(english, ", ".join(n for n in names if n))), request)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http-error")
        message: str = Said(f"service.{code}") if code != "http-error" else \
            Said("service.http-error", status=exc.status_code, detail=str(exc.detail))
        return error(exc.status_code, code, message, request)

    @app.middleware("http")
    async def _audit(request: Request, call_next: Any) -> Response:
        """Request id, token check and one access-log line per request."""
        started = time.perf_counter()
        rid = uuid.uuid4().hex
        request.state.request_id = rid
        request.state.log = {}
        path = request.url.path
        if settings.token and path.startswith(f"/{API_VERSION}/") and path != f"/{API_VERSION}/health" \
                and not token_matches(request.headers.get("authorization"), settings.token):
            request.state.log["error"] = "unauthorized"
            response: Response = error(401, "unauthorized", Said("service.unauthorized"),
                                       request, {"WWW-Authenticate": "Bearer"})
        else:
            try:
                response = await call_next(request)
            except Exception as exc:  # a bug: one coded line for the client, the log says which kind
                request.state.log["error"] = "internal"
                request.state.log["exception"] = type(exc).__name__
                response = error(500, "internal", Said("service.internal"),
                                 request)
        response.headers["X-Request-Id"] = rid
        response.headers.setdefault("Cache-Control", "no-store")
        response.headers["X-Content-Type-Options"] = "nosniff"
        route = request.scope.get("route")
        state["log"].write({"request_id": rid, "method": request.method,
                            "route": getattr(route, "path", None) or "<unmatched>",
                            "status": response.status_code,
                            "ms": round((time.perf_counter() - started) * 1000, 1), **request.state.log})
        return response

    async def receive_upload(request: Request, folder: Path, filename: str | None) -> Upload:
        try:
            upload = await receive(request.stream(), request.headers.get("content-type", ""), folder,
                                   limit=settings.max_upload_bytes, filename=filename,
                                   content_length=request.headers.get("content-length"))
        except UploadError as exc:
            raise ServiceError(exc.status, exc.code, exc.message) from None
        request.state.log.update(sha256=upload.sha256, bytes=upload.size,
                                 suffix=Path(upload.filename).suffix.lower()[:10] or None)
        return upload

    async def in_pool(func: Any, *args: Any) -> Any:
        try:
            return await pool.run(func, *args, timeout=settings.timeout)
        except PoolFull as exc:
            raise ServiceError(429, "busy", exc.args[0], {"Retry-After": "2"}) from None
        except PoolUnavailable as exc:
            raise ServiceError(503, "unavailable", exc.args[0], {"Retry-After": "5"}) from None

    def document_error(exc: CliccheckError) -> ServiceError:
        status = 500 if exc.code == "internal" else 422
        return ServiceError(status, exc.code, exc)

    # -- the page --------------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    async def page(request: Request) -> Response:
        lang = _page_lang(request)
        html = _static("index.html").replace("{{lang}}", lang)
        return Response(html, media_type="text/html; charset=utf-8",
                        headers={"Content-Security-Policy": PAGE_CSP, "Vary": "Accept-Language",
                                 "Referrer-Policy": "no-referrer"})

    @app.get("/static/{name}", include_in_schema=False)
    async def static(name: str) -> Response:
        if name not in STATIC_FILES:
            raise ServiceError(404, "not-found", Said("service.no-such-file"))
        return Response(_static(name), media_type=STATIC_FILES[name])

    # -- the API ---------------------------------------------------------------------------------

    @app.get(f"/{API_VERSION}/health", tags=["service"], summary="Liveness and load (no token needed)")
    async def health() -> dict[str, Any]:
        return {"status": "stopping" if pool.closing else "ok", "auth_required": bool(settings.token),
                "max_upload_bytes": settings.max_upload_bytes, "timeout": settings.timeout, **pool.stats()}

    @app.get(f"/{API_VERSION}/version", tags=["service"], summary="Versions of the tool, the API and the report")
    async def version() -> dict[str, Any]:
        return {"name": "cliccheck", "version": __version__, "api": API_VERSION,
                "report_schema_version": SCHEMA_VERSION}

    @app.get(f"/{API_VERSION}/rules", tags=["service"], summary="The requirements checked and the other findings",
             responses=_error_responses(401))
    async def rules(
        packs: Annotated[str | None, Query(description="Rule packs to list, comma-separated built-in ids (as "
                                                       "`rules --packs`; default: the server's configuration, "
                                                       "else csr).", max_length=200)] = None,
    ) -> dict[str, Any]:
        from ..packs import load_packs
        from ..report.rules import FINDING_RULE_INFO

        library = load_packs(_packs_or_configured(packs))
        return {"requirements": [{"id": r.id, "name": r.name, "titles": r.titles, "severity": r.severity}
                                 for r in library.requirements],
                "findings": [{"rule": k, "title": v.title_en} for k, v in FINDING_RULE_INFO.items()]}

    @app.post(f"/{API_VERSION}/lint", tags=["gate"], summary="Lint one contract: the report and the gate result",
              openapi_extra=UPLOAD_BODY,
              responses={200: {"description": "The report (JSON by default, schema_version 1). The gate result is "
                                              "summary.exit_code (0 pass, 1 findings, 2 unreadable) and the "
                                              "X-Cliccheck-Gate header (pass, fail, error).",
                               "content": {media.split(";")[0]: {} for media in REPORT_MEDIA.values()}},
                         **_error_responses(400, 401, 413, 429, 503)})
    async def lint(
        request: Request,
        format: Annotated[Literal["json", "sarif", "html", "junit", "github", "text"],
                          Query(description="Report format, as `lint --format`.")] = "json",
        fail_on: Annotated[Literal["error", "warning", "never"] | None,
                           Query(description="As `lint --fail-on` (default: error).")] = None,
        lang: Annotated[Literal["auto", "zh", "en"] | None,
                        Query(description="Language version(s) to check, as `lint --lang`.")] = None,
        supplier_alias: Annotated[list[str] | None,
                                  Query(description="Another name for the supplier-side party (repeatable).",
                                        max_length=20)] = None,
        select: Annotated[str | None, Query(description="Only these checks, comma-separated.", max_length=500)] = None,
        ignore: Annotated[str | None, Query(description="Skip these checks, comma-separated.", max_length=500)] = None,
        ui_lang: Annotated[Literal["zh", "en"] | None,
                           Query(description="Language of the human-readable report (html, text).")] = None,
        filename: Annotated[str | None, Query(description="The document's name (raw body; overrides the "
                                                          "multipart file name).", max_length=255)] = None,
        packs: Annotated[str | None, Query(description="Rule packs to check, comma-separated built-in ids (as "
                                                       "`lint --packs`; default: the server's configuration). "
                                                       "Playbook folders are set in the server's configuration, "
                                                       "never by a client.", max_length=200)] = None,
    ) -> Response:
        if format not in FORMATS:
            raise ServiceError(400, "bad-request", Said("service.unknown-format", format=repr(format)))
        try:
            pack_specs = _builtin_packs(packs)
            known = None
            if pack_specs is not None:
                from ..packs import known_rule_ids

                known = known_rule_ids(pack_specs)
            config = settings.config.with_cli(
                supplier_aliases=[a for a in supplier_alias or [] if a.strip()], select=parse_id_list(select, known),
                ignore=parse_id_list(ignore, known) or [], fail_on=fail_on, lang=lang, packs=pack_specs)
        except CliccheckError as exc:
            raise ServiceError(400, exc.code, exc) from None
        if ui_lang and "ui_lang" in {f.name for f in fields(Config)}:  # the report's language, where supported
            config = replace(config, ui_lang=ui_lang)
        with state["folder"].request_dir() as folder:
            upload = await receive_upload(request, folder, filename)
            try:
                document = await in_pool(jobs.lint_job, str(upload.path), upload.filename, config,
                                         format == "html")
            except CliccheckError as exc:  # past the deadline, or the worker died: an error document, never a pass
                from ..report.build import error_report

                document = error_report(upload.filename, exc, fail_on=config.fail_on, config=config.source)
        from ..report import render
        from ..report.model import Report

        report = Report([document])
        body = render(report, format, color=False, width=100)
        gate = GATE.get(report.exit_code, "error")
        request.state.log.update(
            gate=gate, exit_code=report.exit_code,
            verdicts={r.id: r.verdict for r in document.requirements},
            error=document.error.code if document.error else None,
            worker_ms=round((document.seconds or 0) * 1000, 1))
        headers = {"X-Cliccheck-Gate": gate, "X-Cliccheck-Exit-Code": str(report.exit_code)}
        if format == "html":  # opened on its own, the report may style itself and nothing more
            headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        return Response(body, media_type=REPORT_MEDIA[format], headers=headers)

    @app.post(f"/{API_VERSION}/annex", tags=["fix"], summary="The annex with the clauses the contract lacks",
              openapi_extra=UPLOAD_BODY,
              responses={200: {"description": "The annex file (DOCX by default).",
                               "content": {media.split(";")[0]: {} for media in ANNEX_MEDIA.values()}},
                         204: {"description": "Every undertaking is satisfied: nothing to add (ask with all=true "
                                              "for a full annex)."},
                         **_error_responses(400, 401, 413, 422, 429, 503)})
    async def annex(
        request: Request,
        format: Annotated[Literal["docx", "md", "html", "txt"], Query(description="Annex format.")] = "docx",
        lang: Annotated[Literal["zh", "en", "zh+en"] | None,
                        Query(description="Language(s); default: the contract's.")] = None,
        all: Annotated[bool, Query(description="All four clauses, not only the missing ones.")] = False,
        variant: Annotated[Literal["short", "full"], Query()] = "full",
        prevailing: Annotated[Literal["zh", "en"] | None, Query()] = None,
        supplier: Annotated[str | None, Query(max_length=200)] = None,
        buyer: Annotated[str | None, Query(max_length=200)] = None,
        supplier_label: Annotated[str | None, Query(max_length=50)] = None,
        buyer_label: Annotated[str | None, Query(max_length=50)] = None,
        contract_title: Annotated[str | None, Query(max_length=300)] = None,
        contract_number: Annotated[str | None, Query(max_length=100)] = None,
        contract_date: Annotated[str | None, Query(max_length=100)] = None,
        filename: Annotated[str | None, Query(max_length=255)] = None,
        packs: Annotated[str | None, Query(description="Rule packs to write clauses for, comma-separated built-in "
                                                       "ids (as `annex --packs`; default: the server's "
                                                       "configuration, as /v1/lint, else csr).",
                                           max_length=200)] = None,
    ) -> Response:
        pack_specs = _packs_or_configured(packs)
        overrides = {"supplier": supplier, "buyer": buyer, "supplier_label": supplier_label,
                     "buyer_label": buyer_label, "contract_title": contract_title,
                     "contract_number": contract_number, "contract_date": contract_date, "prevailing": prevailing}
        with state["folder"].request_dir() as folder:
            upload = await receive_upload(request, folder, filename)
            try:
                result = await in_pool(jobs.annex_job, str(upload.path), upload.filename,
                                       settings.config.make_limits(), format, lang, all, variant, overrides,
                                       pack_specs, settings.config.supplier_aliases, _lint_rules(pack_specs))
            except CliccheckError as exc:
                raise document_error(exc) from None
        request.state.log.update(clauses=result.wanted, langs=result.langs)
        if result.data is None:
            return Response(status_code=204, headers={"X-Cliccheck-Annex": "nothing-to-add"})
        data = result.data.encode("utf-8") if isinstance(result.data, str) else result.data
        name = f"{_stem(upload.filename)}.annex.{format}"
        return Response(data, media_type=ANNEX_MEDIA[format],
                        headers={"Content-Disposition": _attachment(name),
                                 "X-Cliccheck-Clauses": ",".join(result.wanted)})

    @app.post(f"/{API_VERSION}/redline", tags=["fix"], summary="The contract with the fixes as tracked changes",
              openapi_extra=UPLOAD_BODY,
              responses={200: {"description": "The redlined copy (.docx; .docm for a macro-enabled draft). "
                                              "X-Cliccheck-Unresolved lists requirements still contradicted after "
                                              "accepting every change (edit those by hand).",
                               "content": {ANNEX_MEDIA["docx"]: {}, DOCM_MEDIA: {}}},
                         **_error_responses(400, 401, 413, 422, 429, 503)})
    async def redline(
        request: Request,
        author: Annotated[str, Query(max_length=100)] = "cliccheck",
        date: Annotated[str | None, Query(description="ISO 8601 date of the revisions.", max_length=40)] = None,
        after: Annotated[str | None, Query(description="Insert the clauses after this section.",
                                           max_length=50)] = None,
        variant: Annotated[Literal["short", "full"], Query()] = "full",
        supplier: Annotated[str | None, Query(max_length=200)] = None,
        buyer: Annotated[str | None, Query(max_length=200)] = None,
        supplier_label: Annotated[str | None, Query(max_length=50)] = None,
        buyer_label: Annotated[str | None, Query(max_length=50)] = None,
        contract_title: Annotated[str | None, Query(max_length=300)] = None,
        contract_number: Annotated[str | None, Query(max_length=100)] = None,
        contract_date: Annotated[str | None, Query(max_length=100)] = None,
        filename: Annotated[str | None, Query(max_length=255)] = None,
        packs: Annotated[str | None, Query(description="Rule packs to write clauses for, comma-separated built-in "
                                                       "ids (as `annex --packs`; default: the server's "
                                                       "configuration, as /v1/lint, else csr).",
                                           max_length=200)] = None,
    ) -> Response:
        from ..commands._generate_options import parse_when

        pack_specs = _packs_or_configured(packs)
        from ..generate.redline import RedlineOptions

        if not author.strip() or not author.isprintable():
            raise ServiceError(400, "config", Said("service.author"))
        try:
            options = RedlineOptions(author=author.strip(), when=parse_when(date), after=after, variant=variant)
        except CliccheckError as exc:
            raise ServiceError(400, exc.code, exc, rename=("--date", "date")) from None
        overrides = {"supplier": supplier, "buyer": buyer, "supplier_label": supplier_label,
                     "buyer_label": buyer_label, "contract_title": contract_title,
                     "contract_number": contract_number, "contract_date": contract_date}
        with state["folder"].request_dir() as folder:
            upload = await receive_upload(request, folder, filename)
            macro = jobs.macro_enabled(str(upload.path))
            try:
                data, summary = await in_pool(jobs.redline_job, str(upload.path), upload.filename,
                                              settings.config.make_limits(), options, overrides, pack_specs,
                                              settings.config.supplier_aliases, _lint_rules(pack_specs))
            except CliccheckError as exc:
                raise document_error(exc) from None
        unresolved = list(getattr(summary, "unresolved", []) or [])
        request.state.log.update(unresolved=unresolved, inserted=list(summary.inserted_clauses),
                                 deletions=summary.deletions, replacements=summary.replacements)
        suffix = "docm" if macro else "docx"
        return Response(data, media_type=DOCM_MEDIA if macro else ANNEX_MEDIA["docx"],
                        headers={"Content-Disposition": _attachment(f"{_stem(upload.filename)}.redline.{suffix}"),
                                 "X-Cliccheck-Unresolved": ",".join(unresolved),
                                 "X-Cliccheck-Inserted": ",".join(summary.inserted_clauses)})

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        from fastapi.openapi.utils import get_openapi

        schema = get_openapi(title=app.title, version=API_VERSION, description=app.description,
                             routes=app.routes)
        schema.setdefault("components", {})["securitySchemes"] = {
            "bearer": {"type": "http", "scheme": "bearer",
                       "description": "Required when the service is bound beyond localhost or a token is set."}}
        schema["security"] = [{}, {"bearer": []}]
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def openapi_document() -> str:
    """The OpenAPI document as committed in docs/openapi.json (stable key order, no tool version)."""
    import json

    schema = create_app(Settings(warm=False)).openapi()
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
