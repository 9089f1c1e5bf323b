# Pure-Python workload: sieve of Eratosthenes and prime statistics
def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    i = 2
    while i * i <= n:
        if is_prime[i]:
            for j in range(i * i, n + 1, i):
                is_prime[j] = False
        i += 1
    return [k for k, p in enumerate(is_prime) if p]
primes = sieve(50000)
print(len(primes), primes[:10], primes[-3:])
gaps = {}
for a, b in zip(primes, primes[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
print(sorted(gaps.items())[:8])
twins = sum(1 for a, b in zip(primes, primes[1:]) if b - a == 2)
print("twin primes:", twins)
print(sum(primes) % 1000003)
