"""Executes a notebook on Kernel Lab through Jupyter's own gateway client, as nbclient users would.

usage: /usr/bin/python3 nbclient_execute.py SERVER_URL TOKEN IN.ipynb OUT.ipynb

Uses Debian's python3-nbclient and python3-jupyter-server (GatewayKernelManager), then validates the
executed notebook with nbformat. Exit status 0 only if execution and validation succeed.
"""
import sys

import nbformat
from jupyter_server.gateway.gateway_client import GatewayClient
from jupyter_server.gateway.managers import GatewayKernelManager
from nbclient import NotebookClient


def main(url, token, source, target):
    gateway = GatewayClient.instance()
    gateway.url = url
    gateway.auth_token = token
    notebook = nbformat.read(source, as_version=4)
    client = NotebookClient(notebook, kernel_manager_class=GatewayKernelManager, timeout=120, kernel_name="nki")
    client.execute(kernel_name="nki")
    nbformat.validate(notebook)
    nbformat.write(notebook, target)


if __name__ == "__main__":
    main(*sys.argv[1:5])
