/**
 * The parts of Multicall3 Slashboard calls. Signatures from mds1/multicall3
 * src/Multicall3.sol and src/interfaces/IMulticall3.sol; deployed at MULTICALL3_ADDRESS.
 */
import { parseAbi } from 'viem';

export const multicall3Abi = parseAbi([
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate3(Call3[] calls) payable returns (Result[] returnData)',
  'function getEthBalance(address addr) view returns (uint256 balance)',
  'function getBlockNumber() view returns (uint256 blockNumber)',
]);

/** ERC-20 reads, as specified in EIP-20. */
export const erc20Abi = parseAbi([
  'function balanceOf(address owner) view returns (uint256)',
  'function totalSupply() view returns (uint256)',
  'function decimals() view returns (uint8)',
  'function symbol() view returns (string)',
]);
