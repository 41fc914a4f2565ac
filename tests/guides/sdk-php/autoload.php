<?php
/**
 * A stand-in for factuarea/factuarea-php built from the OpenAPI document, so the guides' PHP snippets run
 * against the sandbox. `FactuareaClient::create($key, $baseUrl)` returns a client whose namespaces answer the
 * SDK's method names (`publicApiV1InvoicesCreate`...), read from the operation map the test writes to
 * FACTUAREA_SDK_OPERATIONS. Request and component classes are created on demand; their named arguments
 * become snake_case JSON fields or query parameters. An unknown method fails the snippet.
 */

declare(strict_types=1);

namespace Factuarea\Sdk\Testing {
    function snake(string $s): string
    {
        return strtolower((string) preg_replace('/(?<!^)[A-Z]/', '_$0', $s));
    }

    /** Converts models (recursively) into the JSON shape the API reads. */
    function toJson(mixed $v): mixed
    {
        if ($v instanceof \Factuarea\Sdk\Testing\ModelBase) {
            $out = [];
            foreach ($v->fields() as $k => $x) {
                if ($x !== null) {
                    $out[snake((string) $k)] = toJson($x);
                }
            }
            return (object) $out;
        }
        if (is_array($v)) {
            return array_map(fn ($x) => toJson($x), $v);
        }
        return $v;
    }

    abstract class ModelBase
    {
        /** @var array<string, mixed> */
        private array $fields;

        public function __construct(mixed ...$fields)
        {
            foreach ($fields as $k => $_) {
                if (!is_string($k)) {
                    throw new \InvalidArgumentException(static::class . ' takes named arguments only');
                }
            }
            $this->fields = $fields;
        }

        /** @return array<string, mixed> */
        public function fields(): array
        {
            return $this->fields;
        }

        public function __get(string $name): mixed
        {
            return $this->fields[$name] ?? null;
        }
    }

    final class ApiException extends \RuntimeException
    {
        public function __construct(string $message, public readonly int $status, public readonly ?object $error)
        {
            parent::__construct($message);
        }
    }

    final class Response
    {
        public function __construct(
            public readonly int $statusCode,
            public readonly ?object $object,
            public readonly ?object $paginatedList,
            public readonly ?string $bytes = null,
            public readonly ?string $contentType = null,
        ) {
        }
    }

    final class Client
    {
        /** @var array<string, array<string, mixed>> */
        private array $operations;

        public function __construct(public readonly string $apiKey, public readonly string $baseUrl)
        {
            $file = getenv('FACTUAREA_SDK_OPERATIONS') ?: '';
            $this->operations = json_decode((string) file_get_contents($file), true, 512, JSON_THROW_ON_ERROR);
        }

        public function __get(string $namespace): Ns
        {
            return new Ns($this, $namespace);
        }

        /** @param array<int|string, mixed> $args */
        public function call(string $namespace, string $method, array $args): Response
        {
            $op = $this->operations[$method] ?? null;
            if ($op === null || $op['namespace'] !== $namespace) {
                throw new \BadMethodCallException("factuarea-php has no method \$factuarea->{$namespace}->{$method}()");
            }
            $path = $op['path'];
            $positional = array_values(array_filter($args, fn ($k) => is_int($k), ARRAY_FILTER_USE_KEY));
            foreach ($op['pathParams'] as $i => $name) {
                $value = $args[$name] ?? $positional[$i] ?? null;
                if (!is_string($value)) {
                    throw new \InvalidArgumentException("{$method}(): missing path parameter {$name}");
                }
                $path = str_replace('{' . $name . '}', rawurlencode($value), $path);
            }
            $body = $args['body'] ?? null;
            $query = [];
            foreach (array_slice($positional, count($op['pathParams'])) as $extra) {
                if ($extra instanceof ModelBase && str_contains(get_class($extra), '\\Operations\\')) {
                    foreach ($extra->fields() as $k => $v) {
                        $query[snake((string) $k)] = $v;
                    }
                } else {
                    $body = $extra;
                }
            }
            if ($body !== null && $op['bodySchema'] !== null) {
                $class = substr((string) strrchr(get_class($body), '\\'), 1);
                if (!str_starts_with($class, $op['bodySchema'])) {
                    throw new \InvalidArgumentException("{$method}() takes a Components\\{$op['bodySchema']} body, not {$class}");
                }
            }
            $headers = ['Authorization: Bearer ' . $this->apiKey, 'Accept: application/json'];
            if ($op['write']) {
                $headers[] = 'Idempotency-Key: ' . ($args['idempotencyKey'] ?? bin2hex(random_bytes(16)));
            }
            $payload = null;
            if ($body !== null) {
                $payload = json_encode(toJson($body), JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE);
                $headers[] = 'Content-Type: application/json';
            }
            $url = $this->baseUrl . $path . ($query ? '?' . http_build_query($query) : '');
            $context = stream_context_create(['http' => [
                'method' => $op['method'],
                'header' => implode("\r\n", $headers),
                'content' => $payload ?? '',
                'ignore_errors' => true,
            ]]);
            $text = file_get_contents($url, false, $context);
            $status = 0;
            $type = '';
            foreach ($http_response_header ?? [] as $line) {
                if (preg_match('#^HTTP/\S+ (\d{3})#', $line, $m)) {
                    $status = (int) $m[1];
                } elseif (preg_match('#^content-type:\s*(.+)$#i', $line, $m)) {
                    $type = trim($m[1]);
                }
            }
            if ($status < 400 && $type !== '' && !str_contains($type, 'json')) {
                return new Response($status, null, null, (string) $text, $type);
            }
            $json = $text ? json_decode($text, false, 512, JSON_THROW_ON_ERROR) : null;
            if ($status >= 400) {
                throw new ApiException("{$op['method']} {$path} → {$status}: " . $text, $status, $json->error ?? null);
            }
            return $op['paginated'] ? new Response($status, null, $json) : new Response($status, $json, null);
        }
    }

    final class Ns
    {
        public function __construct(private Client $client, private string $name)
        {
        }

        /** @param array<int|string, mixed> $args */
        public function __call(string $method, array $args): Response
        {
            return $this->client->call($this->name, $method, $args);
        }
    }
}

namespace Factuarea\Sdk\Custom {
    final class FactuareaClient
    {
        public static function create(string $apiKey, ?string $baseUrl = null): \Factuarea\Sdk\Testing\Client
        {
            return new \Factuarea\Sdk\Testing\Client($apiKey, rtrim($baseUrl ?? 'https://api.factuarea.com/v1', '/'));
        }
    }
}

namespace {
    // Components\* and Operations\* classes are created on first use, each a generic model.
    spl_autoload_register(function (string $class): void {
        foreach (['Factuarea\\Sdk\\Models\\Components\\', 'Factuarea\\Sdk\\Models\\Operations\\'] as $prefix) {
            if (str_starts_with($class, $prefix)) {
                $ns = substr($class, 0, strrpos($class, '\\'));
                $short = substr($class, strrpos($class, '\\') + 1);
                eval("namespace {$ns}; final class {$short} extends \\Factuarea\\Sdk\\Testing\\ModelBase {}");
            }
        }
    });
}
