/**
 * Emulation for users who test their own code against vodcert: DNS answers from a table instead of a
 * resolver, a clock that can be moved forward, and a switch that makes the issuer fail. Off unless
 * asked for ({@code serve --dns emulated}, {@code --clock emulated}, or the JUnit 5 extension); it
 * never changes how requests are authenticated.
 */
package dev.vodcert.emulation;
