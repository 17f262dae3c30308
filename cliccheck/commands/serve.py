"""``cliccheck serve``: the gate as a local HTTP service (needs the ``serve`` extra)."""

from __future__ import annotations

import click

from ..clihelp import LocalizedCommand
from ..errors import ConfigError
from . import one_line_errors, parse_timeout, timeout_option


@click.command("serve", cls=LocalizedCommand, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but a loopback address needs an API token.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Worker processes checking documents (each keeps the pipelines loaded).")
@click.option("--queue", type=click.IntRange(0, 10_000), default=16, show_default=True,
              help="Requests allowed to wait for a busy worker; beyond that the answer is 429.")
@click.option("--queue-wait", type=click.FloatRange(0.1, 3600), default=30.0, show_default=True,
              help="Seconds a request may wait for a worker before the answer is 503.")
@timeout_option
@click.option("--max-upload-mb", type=click.IntRange(1, 200), default=50, show_default=True,
              help="Largest document accepted (413 beyond it); never above the config's max_file_bytes.")
@click.option("--token-file", type=click.Path(dir_okay=False), default=None,
              help="File whose first line is the API token (else CLICCHECK_TOKEN). Required off localhost.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="A .cliccheck.toml for every request (limits, waivers, supplier aliases, fail-on).")
@click.option("--access-log", type=click.Path(dir_okay=False), default=None,
              help="Append the JSON-lines access log to this file (default: standard error).")
@click.option("--openapi", "print_openapi", is_flag=True, help="Print the OpenAPI document and exit.")
@click.pass_context
def serve_command(ctx: click.Context, host: str, port: int, workers: int, queue: int, queue_wait: float,
                  timeout: str, max_upload_mb: int, token_file: str | None, config_file: str | None,
                  access_log: str | None, print_openapi: bool) -> None:
    """Serve the gate over HTTP for OA/CLM systems, and a page for lawyers
    at http://HOST:PORT/ (Chinese and English, works offline).

    \b
    Endpoints (OpenAPI document at /v1/openapi.json):
      POST /v1/lint      the report and the gate result (X-Cliccheck-Gate)
      POST /v1/annex     the annex with the missing clauses (DOCX by default)
      POST /v1/redline   the draft with the fixes as tracked changes
      GET  /v1/rules, /v1/health, /v1/version

    \b
    Examples:
      cliccheck serve
      curl -F file=@contract.docx http://127.0.0.1:8765/v1/lint
      CLICCHECK_TOKEN=... cliccheck serve --host 0.0.0.0 --workers 4
    """
    with one_line_errors(ctx):
        try:
            from ..service.app import Settings, create_app, openapi_document
        except ImportError as exc:
            raise ConfigError.of("serve-extra", module=exc.name) from None
        if print_openapi:
            click.echo(openapi_document(), nl=False)
            return
        from ..config import ConfigCache
        from ..service.security import check_binding, load_token

        token = load_token(token_file)
        check_binding(host, token)
        config = ConfigCache(config_file).for_document(None)  # the explicit file, else one found from here
        limit = min(max_upload_mb * 1024 * 1024, config.make_limits().max_file_bytes)
        settings = Settings(workers=workers, queue=queue, queue_wait=queue_wait, timeout=parse_timeout(timeout),
                            max_upload_bytes=limit, token=token, config=config, access_log=access_log)
        _check_port(host, port)
        app = create_app(settings)
        import uvicorn

        from ..i18n import t
        from . import ui_lang_of

        lang = ui_lang_of(ctx)
        said_workers = t("serve.workers_one", lang) if workers == 1 else t("serve.workers", lang, n=workers)
        click.echo(t("serve.listening", lang, url=f"http://{host}:{port}/", workers=said_workers,
                     token=t("serve.token-required", lang) if token else ""), err=True)
        # connections beyond what the pool can admit are refused by uvicorn (503) before their uploads are read,
        # which also bounds the disk that uploads in progress can take
        uvicorn.run(app, host=host, port=port, access_log=False, log_level="warning", server_header=False,
                    proxy_headers=False, timeout_graceful_shutdown=5,
                    limit_concurrency=max(32, 2 * (workers + queue) + 8))


def _check_port(host: str, port: int) -> None:
    """A port in use or an address not on this machine is a one-line error before the pipelines load."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(infos[0][4])
    except OSError as exc:
        raise ConfigError.of("serve-listen", host=host, port=port, reason=exc.strerror or str(exc)) from None
