# CloudJar's Python runtime: speaks the Lambda Runtime API (2018-06-01) on AWS_LAMBDA_RUNTIME_API as
# AWS's runtime interface client does. Module-level code of the handler runs once per process; every
# invocation is one GET .../next answered by CloudJar and one POST of the result on the same
# keep-alive connection. The process exits when its stdin (a pipe held by CloudJar) closes, so it
# never outlives CloudJar, even after kill -9.
import http.client
import importlib
import json
import logging
import os
import sys
import threading
import time
import traceback

MARKER = "\0cloudjar-invocation-end\0\n"
API = os.environ["AWS_LAMBDA_RUNTIME_API"]
PREFIX = "/2018-06-01/runtime"


def _watch_parent():
    try:
        while os.read(0, 4096):
            pass
    except Exception:
        pass
    os._exit(0)


class RuntimeClient:
    def __init__(self):
        host, port = API.rsplit(":", 1)
        self.conn = http.client.HTTPConnection(host, int(port))

    def _request(self, method, path, body=None, headers=None):
        for attempt in range(2):
            try:
                self.conn.request(method, PREFIX + path, body=body, headers=headers or {})
                response = self.conn.getresponse()
                return response, response.read()
            except (ConnectionError, http.client.HTTPException):
                self.conn.close()
                if attempt:
                    raise

    def next(self):
        response, body = self._request("GET", "/invocation/next")
        if response.status != 200:
            os._exit(0)
        return response.headers, body

    def post(self, path, body, error_type=None):
        headers = {"Content-Type": "application/json"}
        if error_type:
            headers["Lambda-Runtime-Function-Error-Type"] = error_type
        self._request("POST", path, body=body, headers=headers)


class LambdaContext:
    def __init__(self, request_id, deadline_ms, invoked_arn, client_context, identity):
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = invoked_arn
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.aws_request_id = request_id
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.identity = _Identity(identity)
        self.client_context = _ClientContext(client_context) if client_context else None
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))

    def __repr__(self):
        return ("LambdaContext([aws_request_id={0},log_group_name={1},log_stream_name={2},function_name={3},"
                "memory_limit_in_mb={4},function_version={5},invoked_function_arn={6}])").format(
            self.aws_request_id, self.log_group_name, self.log_stream_name, self.function_name,
            self.memory_limit_in_mb, self.function_version, self.invoked_function_arn)


class _Identity:
    def __init__(self, raw):
        self.cognito_identity_id = (raw or {}).get("cognitoIdentityId")
        self.cognito_identity_pool_id = (raw or {}).get("cognitoIdentityPoolId")


class _Client:
    def __init__(self, raw):
        self.installation_id = raw.get("installation_id")
        self.app_title = raw.get("app_title")
        self.app_version_name = raw.get("app_version_name")
        self.app_version_code = raw.get("app_version_code")
        self.app_package_name = raw.get("app_package_name")


class _ClientContext:
    def __init__(self, raw):
        self.client = _Client(raw["client"]) if raw.get("client") else None
        self.custom = raw.get("custom")
        self.env = raw.get("env")


class _RequestIdFilter(logging.Filter):
    request_id = ""

    def filter(self, record):
        record.aws_request_id = _RequestIdFilter.request_id
        return True


def _setup_logging():
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter(
        "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n", "%Y-%m-%dT%H:%M:%S"))
    handler.formatter.converter = time.gmtime
    handler.addFilter(_RequestIdFilter())
    logging.getLogger().addHandler(handler)


class FaultError(Exception):
    def __init__(self, error_type, message, trace=None):
        super().__init__(message)
        self.error_type = error_type
        self.message = message
        self.trace = trace or []


def _trace_lines(tb):
    return [
        '  File "{}", line {}, in {}\n    {}\n'.format(f.filename, f.lineno, f.name, (f.line or "").strip())
        for f in traceback.extract_tb(tb)
    ]


def _load_handler(spec):
    try:
        path, function_name = spec.rsplit(".", 1)
    except ValueError:
        raise FaultError("Runtime.MalformedHandlerName", "Bad handler '{}': not enough values to unpack "
                         "(expected 2, got 1)".format(spec))
    module_name = path.replace("/", ".")
    try:
        module = importlib.import_module(module_name)
    except ImportError as e:
        missing = getattr(e, "name", None) or ""
        message = "Unable to import module '{}': {}".format(module_name, e)
        if missing.split(".")[0] in ("boto3", "botocore"):
            message += (" (AWS's Python runtimes include boto3; this interpreter ({}) lacks it: install it with "
                        "'{} -m pip install boto3' or 'apt-get install python3-boto3')").format(sys.executable, sys.executable)
        raise FaultError("Runtime.ImportModuleError", message)
    except SyntaxError as e:
        raise FaultError("Runtime.UserCodeSyntaxError", "Syntax error in module '{}': {}".format(module_name, e),
                         ['  File "{}" Line {}\n    {}\n'.format(e.filename, e.lineno, (e.text or "").strip())])
    except Exception as e:
        exc_type, _, tb = sys.exc_info()
        raise FaultError(exc_type.__name__, str(e), _trace_lines(tb.tb_next))
    handler = getattr(module, function_name, None)
    if handler is None:
        raise FaultError("Runtime.HandlerNotFound", "Handler '{}' missing on module '{}'".format(function_name, module_name))
    return handler


def _end_output():
    sys.stdout.flush()
    sys.stderr.flush()
    os.write(1, MARKER.encode())


def _error_body(error_type, message, trace, request_id):
    return json.dumps({"errorMessage": message, "errorType": error_type, "requestId": request_id,
                       "stackTrace": trace}).encode()


def main():
    threading.Thread(target=_watch_parent, daemon=True).start()
    sys.path.insert(0, os.environ.get("LAMBDA_TASK_ROOT", os.getcwd()))
    _setup_logging()
    client = RuntimeClient()
    try:
        handler = _load_handler(os.environ["_HANDLER"])
    except FaultError as fault:
        print("[ERROR] {}: {}".format(fault.error_type, fault.message) + "".join("\n" + l.rstrip("\n") for l in fault.trace)
              + "\nTraceback (most recent call last):", flush=True)
        _end_output()
        client.post("/init/error", _error_body(fault.error_type, fault.message, fault.trace, ""), fault.error_type)
        os._exit(1)
    while True:
        headers, body = client.next()
        request_id = headers.get("Lambda-Runtime-Aws-Request-Id")
        _RequestIdFilter.request_id = request_id
        trace_id = headers.get("Lambda-Runtime-Trace-Id")
        if trace_id:
            os.environ["_X_AMZN_TRACE_ID"] = trace_id
        client_context = headers.get("Lambda-Runtime-Client-Context")
        identity = headers.get("Lambda-Runtime-Cognito-Identity")
        context = LambdaContext(request_id, int(headers.get("Lambda-Runtime-Deadline-Ms", "0")),
                                headers.get("Lambda-Runtime-Invoked-Function-Arn"),
                                json.loads(client_context) if client_context else None,
                                json.loads(identity) if identity else None)
        try:
            event = json.loads(body) if body else {}
            result = handler(event, context)
            payload = json.dumps(result).encode()
        except Exception as e:
            exc_type, _, tb = sys.exc_info()
            trace = _trace_lines(tb.tb_next if tb is not None and tb.tb_next is not None else tb)
            error_type = exc_type.__name__
            if isinstance(e, TypeError) and "is not JSON serializable" in str(e):
                error_type, message = "Runtime.MarshalError", "Unable to marshal response: {}".format(e)
            else:
                message = str(e)
            print("[ERROR] {}: {}\nTraceback (most recent call last):\n{}".format(
                error_type, message, "".join(trace)).rstrip("\n"), flush=True)
            _end_output()
            client.post("/invocation/{}/error".format(request_id), _error_body(error_type, message, trace, request_id),
                        error_type)
            continue
        _end_output()
        client.post("/invocation/{}/response".format(request_id), payload)


if __name__ == "__main__":
    main()
